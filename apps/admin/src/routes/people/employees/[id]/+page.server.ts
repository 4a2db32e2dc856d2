import { error } from '@sveltejs/kit';
import { gql } from '$lib/server/api';
import type { PageServerLoad } from './$types';
import { globalId, hrOnly } from '../../people.server';

export interface EmployeeRecord {
  __typename: 'Employee';
  id: string;
  payrollNumber: string;
  firstName: string | null;
  lastName: string | null;
  dateOfBirth: string | null;
  niNumber: string | null;
  salary: number | null;
  pensionScheme: string;
  pensionNumber: string | null;
  startDate: string;
  continuousServiceDate: string;
  contractType: string;
  fte: number;
  tupeStatus: string;
  assignmentDecision: string | null;
  assignmentRationale: string | null;
  post: {
    id: string;
    postNumber: string;
    title: string;
    grade: string;
    fte: number;
    costCentre: string;
    team: { name: string; service: { id: string; name: string } };
  } | null;
}

const QUERY = `query ($id: ID!) { node(id: $id) { __typename ... on Employee {
  id payrollNumber firstName lastName dateOfBirth niNumber salary pensionScheme pensionNumber
  startDate continuousServiceDate contractType fte tupeStatus assignmentDecision assignmentRationale
  post { id postNumber title grade fte costCentre team { name service { id name } } }
} } }`;

const isEmployee = (node: { __typename: string } | null): node is EmployeeRecord =>
  node?.__typename === 'Employee';

export const load: PageServerLoad = async ({ locals, params }) => {
  const id = globalId(params.id, 'Employee');
  if (!id) error(404, 'There is no such employee');
  const { node } = await hrOnly(
    gql<{ node: EmployeeRecord | { __typename: string } | null }>(QUERY, {
      token: locals.token,
      variables: { id },
    }),
  );
  if (!isEmployee(node)) error(404, 'There is no such employee');
  return { employee: node };
};
