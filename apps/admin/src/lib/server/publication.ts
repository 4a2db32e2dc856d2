/**
 * What the organisations running Handover publish about it (the accessibility statement and the
 * privacy notice): who to contact and who the controllers are, set per deployment. The defaults say
 * what to do, without naming anyone: the organisations set the real contacts before going live.
 */
import { env } from '$env/dynamic/private';

export interface Publication {
  /** Who runs the service and is controller of its personal data, e.g. "Northshire County Council and Northshire Children's Trust". */
  controllers: string | null;
  /** How to reach the data protection officer(s): an email address, a postal address or a web page. */
  dpoContact: string | null;
  /** How to report an accessibility problem or ask for information in another format. */
  accessibilityContact: string | null;
}

const text = (value: string | undefined): string | null => (value && value.trim() ? value.trim() : null);

export function publication(): Publication {
  return {
    controllers: text(env.HANDOVER_CONTROLLERS),
    dpoContact: text(env.HANDOVER_DPO_CONTACT),
    accessibilityContact: text(env.HANDOVER_ACCESSIBILITY_CONTACT),
  };
}
