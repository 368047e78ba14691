// The leads' and agents' dashboard, the domain side: figures from rollups, acknowledgements, the self-check gap.
export * from './figures';
export * from './selfcheck-gap';
export { labelStep } from './axis';
