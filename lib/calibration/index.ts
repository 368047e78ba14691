// Calibration, pure: Krippendorff's alpha, raw agreement and alignment, and a session's steps.
export { krippendorffAlpha, pairableValues, type AlphaLevel, type ReliabilityData } from './alpha';
export { addAgreement, agreementShares, alignment, MIN_PAIRABLE_VALUES, NO_PAIRS, pairAgreement, spread, type PairAgreement } from './agreement';
export * from './session';
export { calibrationOverview, type CalibrationOverview, type SessionRow } from './overview';
export { figuresOfSessions, pooledAlphaFigure, sessionFigures, type SessionFigures } from './figures';
export { calibrationViewer, pseudonymAddress, pseudonymNumber, shownParticipant, type ShownParticipant, type Viewer } from './names';
