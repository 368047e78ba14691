// Types of server-package.mjs for the tests that import it.
export declare const SERVER_RUNTIME_PACKAGES: string[];
export declare function serverPackageJson(): { name: string; private: true; type: 'module'; dependencies: Record<string, string> };
