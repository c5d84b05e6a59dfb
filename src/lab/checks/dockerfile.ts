// A Dockerfile read the way `docker build` reads it: comments dropped, line
// continuations joined, each instruction with its arguments, exec-form
// (JSON array) commands parsed. The serving step's checks judge the result.

export interface Instruction {
  keyword: string;
  args: string;
  /** The JSON array of an exec-form instruction (CMD ["a", "b"]), else null. */
  exec: string[] | null;
  line: number;
}

export function parseDockerfile(text: string): Instruction[] {
  const out: Instruction[] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let buffer = '';
  let start = 0;
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!buffer && (line === '' || line.startsWith('#'))) return;
    if (!buffer) start = i + 1;
    if (line.endsWith('\\')) {
      buffer += `${line.slice(0, -1)} `;
      return;
    }
    const full = (buffer + line).trim();
    buffer = '';
    const match = /^(\w+)\s*(.*)$/.exec(full);
    if (!match) return;
    const args = match[2] ?? '';
    let exec: string[] | null = null;
    if (args.startsWith('[')) {
      try {
        const parsed: unknown = JSON.parse(args);
        if (Array.isArray(parsed) && parsed.every((p) => typeof p === 'string')) exec = parsed;
      } catch {
        exec = null; // not valid JSON: Docker falls back to shell form
      }
    }
    out.push({ keyword: match[1]!.toUpperCase(), args, exec, line: start });
  });
  return out;
}

export type DockerfileRule = 'from' | 'workdir' | 'requirements' | 'cmd-exec';

/** Why a Dockerfile breaks a rule, or null when it keeps it. */
export function dockerfileProblem(instructions: Instruction[], rule: DockerfileRule): string | null {
  const first = instructions[0];
  switch (rule) {
    case 'from':
      if (!first || first.keyword !== 'FROM') return 'A Dockerfile must start with FROM.';
      return /^python:/i.test(first.args) ? null : `FROM ${first.args} is not a Python base image (try python:3.12-slim).`;
    case 'workdir':
      return instructions.some((i) => i.keyword === 'WORKDIR') ? null : 'There is no WORKDIR: files land in the image’s root folder.';
    case 'requirements': {
      const install = instructions.findIndex((i) => i.keyword === 'RUN' && /pip\s+install\b.*-r\s+\S*requirements\.txt/.test(i.args));
      if (install < 0) return 'Dependencies are not installed from requirements.txt (RUN pip install -r requirements.txt).';
      const copyReq = instructions.findIndex((i) => (i.keyword === 'COPY' || i.keyword === 'ADD') && /requirements\.txt/.test(i.args));
      if (copyReq < 0 || copyReq > install) return 'requirements.txt must be copied in before pip installs from it.';
      const copyAll = instructions.findIndex((i) => (i.keyword === 'COPY' || i.keyword === 'ADD') && /^\.\s/.test(i.args));
      return copyAll >= 0 && copyAll < install ? 'The whole project is copied before pip install, so every code change re-installs dependencies.' : null;
    }
    case 'cmd-exec': {
      const cmd = instructions.filter((i) => i.keyword === 'CMD').at(-1);
      if (!cmd) return 'There is no CMD to start the server.';
      if (!cmd.exec) return 'CMD is in shell form; use the exec form, a JSON list such as ["uvicorn", "app:app", …].';
      const host = cmd.exec.indexOf('--host');
      if (host >= 0 && cmd.exec[host + 1] !== '0.0.0.0') return `The server binds ${cmd.exec[host + 1]}; inside a container it must bind 0.0.0.0.`;
      return null;
    }
  }
}
