import { many, yesNo } from '$lib/server/list';
import { RAGS, type Rag } from './milestones';

export interface MilestoneFilterInput {
  critical?: true;
  rags?: Rag[];
  achieved?: boolean;
}

/** The filters in the query string (?critical=yes&rag=RED&achieved=no) as the API's MilestoneFilter. */
export function milestoneFilter(url: URL): MilestoneFilterInput {
  const filter: MilestoneFilterInput = {};
  if (url.searchParams.get('critical') === 'yes') filter.critical = true;
  const rags = many(url, 'rag', RAGS);
  if (rags.length) filter.rags = rags;
  const achieved = yesNo(url, 'achieved');
  if (achieved !== undefined) filter.achieved = achieved;
  return filter;
}
