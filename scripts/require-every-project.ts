// A vitest reporter that fails the run when a selected test project collected no test file,
// so a misconfigured project (wrong root or include) cannot pass silently.
import type { Reporter, TestModule, Vitest } from "vitest/node";

export default class RequireEveryProject implements Reporter {
  private selected: string[] = [];
  constructor(private readonly declared: string[]) {}

  onInit(vitest: Vitest) {
    this.selected = vitest.projects.map((p) => p.name);
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>) {
    const seen = new Set(testModules.map((m) => m.project.name));
    const missingDecl = this.declared.filter((n) => !this.selected.includes(n) && process.argv.every((a) => !a.startsWith("--project")));
    const empty = this.selected.filter((n) => !seen.has(n));
    for (const name of [...missingDecl, ...empty]) {
      console.error(`\n[require-every-project] test project "${name}" ran no test file: check vitest.workspace.ts`);
      process.exitCode = 1;
    }
  }
}
