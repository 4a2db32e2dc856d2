import type { SeedOrganisation } from './types.ts';

/**
 * Organisations in the Bradford demo. Public bodies use their real names and
 * public identifiers; placement providers are fictional.
 */
export const organisations: SeedOrganisation[] = [
  {
    key: 'bradford-council',
    name: 'City of Bradford Metropolitan District Council',
    type: 'COUNCIL',
    laCode: '380',
    onsCode: 'E08000032',
  },
  {
    key: 'bcft',
    name: 'Bradford Children and Families Trust',
    type: 'TRUST',
  },
  {
    key: 'dfe',
    name: 'Department for Education',
    type: 'DFE',
  },
  {
    key: 'ofsted',
    name: 'Ofsted',
    type: 'OFSTED',
  },
  {
    key: 'commissioner-office',
    name: "DfE Children's Services Commissioner for Bradford",
    type: 'COMMISSIONER_OFFICE',
  },
  {
    key: 'wy-police',
    name: 'West Yorkshire Police',
    type: 'POLICE',
  },
  {
    key: 'wy-icb',
    name: 'NHS West Yorkshire Integrated Care Board',
    type: 'ICB',
  },
  {
    key: 'bdct',
    name: 'Bradford District Care NHS Foundation Trust',
    type: 'NHS_TRUST',
  },
  {
    key: 'wypf',
    name: 'West Yorkshire Pension Fund',
    type: 'PENSION_FUND',
  },
  {
    key: 'owy-raa',
    name: 'One Adoption West Yorkshire (hosted by Leeds City Council)',
    type: 'RAA',
  },
  {
    key: 'unison',
    name: 'UNISON Bradford branch',
    type: 'UNION',
  },
  {
    key: 'gmb',
    name: 'GMB Bradford branch',
    type: 'UNION',
  },
  {
    key: 'unite',
    name: 'Unite the Union Bradford local government branch',
    type: 'UNION',
  },
  {
    key: 'cafcass',
    name: 'Cafcass (Children and Family Court Advisory and Support Service)',
    type: 'CAFCASS',
  },
  {
    key: 'family-court',
    name: 'Bradford Family Court',
    type: 'COURT',
  },
  {
    key: 'provider-aire-valley-fostering',
    name: 'Aire Valley Fostering Partnership',
    type: 'PROVIDER',
  },
  {
    key: 'provider-pennine-crest',
    name: "Pennine Crest Children's Homes Ltd",
    type: 'PROVIDER',
  },
  {
    key: 'provider-moorside-supported-living',
    name: 'Moorside Supported Living (16+) Ltd',
    type: 'PROVIDER',
  },
  {
    key: 'provider-calderbrook-therapeutic',
    name: 'Calderbrook Therapeutic Care',
    type: 'PROVIDER',
  },
  {
    key: 'provider-wharfe-family-support',
    name: 'Wharfe Family Support CIC',
    type: 'PROVIDER',
  },
  {
    key: 'provider-worth-valley-residential',
    name: 'Worth Valley Residential Care Ltd',
    type: 'PROVIDER',
  },
  {
    key: 'provider-northstar-advocacy',
    name: 'Northstar Advocacy and Independent Visitors',
    type: 'PROVIDER',
  },
];
