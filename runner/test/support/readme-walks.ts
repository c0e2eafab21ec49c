// Reads the curl walk-throughs out of a README, for tests that keep them runnable as a new user types them.

/** Every curl command in `markdown`, continuation lines (`\`) joined, from code blocks and inline code alike. */
export function curlCommands(markdown: string): string[] {
  const joined = markdown.replace(/\\\n\s*/g, ' ');
  return joined
    .split('\n')
    // `curl` followed by an option or an address: not grpcurl, not the word in prose.
    .map((line) => /(?<![\w-])curl\s+(?:-|'?https?:|localhost|:\d).*/.exec(line)?.[0].replace(/`.*$/, '').trim())
    .filter((command): command is string => command !== undefined);
}

/** Email -> every password the walk-throughs send with it (a person has one password). */
export function passwordsByEmail(markdown: string): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  for (const [, email, password] of markdown.matchAll(/"email":"([^"]+)","password":"([^"]+)"/g)) {
    if (!found.has(email!)) found.set(email!, new Set());
    found.get(email!)!.add(password!);
  }
  return found;
}

/** The problems a new user would hit running `command` as written. */
export function curlProblems(command: string): string[] {
  const problems: string[] = [];
  const url = /\s'?((?:https?:\/\/)?[^\s'"-][^\s'"]*\/[^\s'"]*)'?/.exec(command.replace(/^curl/, ''))?.[1] ?? '';
  if (!/^(https?:\/\/)?[A-Za-z0-9.-]+(:\d+)?\//.test(url)) problems.push(`no host in the URL: ${url || command}`);
  if (/\s-d\s/.test(command) && !/-H\s+'content-type: application\/json'/i.test(command)) problems.push('a body without -H \'content-type: application/json\'');
  return problems;
}
