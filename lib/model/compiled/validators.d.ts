// Types of the generated validators.js (scripts/validators.ts). Each returns whether the document is
// valid, and when it is, leaves it as its zod schema's parse would return it (unknown keys removed,
// defaults filled in): the validated object is the parsed value.
export declare const validateReview: (data: unknown) => boolean;
