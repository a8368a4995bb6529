/** Types of aliases.mjs for the TypeScript configs that import it. */
export declare const aliases: Record<string, string>;
