export declare const ROOT: string;
export declare const NAMESPACES: Set<string>;
export declare function resolveSpec(fromFile: string, spec: string): string | undefined;
export declare function entryFolder(fromFile: string, target: string): string | undefined;
export declare const folderEntryRule: unknown;
export declare const folderEntryPlugin: { rules: Record<string, unknown> };
