/** The CLI's version: package.json's "version" (a unit test keeps the two equal). */
export const VERSION = '0.1.0';
