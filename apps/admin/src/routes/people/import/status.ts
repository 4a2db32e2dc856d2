/** How each status of an import reads on screen. */
export const STATUS_LABELS: Record<string, string> = {
  QUEUED: 'Waiting to start',
  CHECKING: 'Checking rows',
  APPLYING: 'Applying changes',
  SUCCEEDED: 'Finished',
  REFUSED: 'Refused',
  FAILED: 'Failed',
};

export const STATUS_TAGS: Record<string, string> = {
  QUEUED: 'govuk-tag govuk-tag--grey',
  CHECKING: 'govuk-tag govuk-tag--blue',
  APPLYING: 'govuk-tag govuk-tag--blue',
  SUCCEEDED: 'govuk-tag govuk-tag--green',
  REFUSED: 'govuk-tag govuk-tag--red',
  FAILED: 'govuk-tag govuk-tag--red',
};
