// English strings of ideas and obstacles.
export const ideasEn = {} as const;
