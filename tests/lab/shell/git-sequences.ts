// Command sequences for the differential suite (git-differential.test.ts).
// Each runs from an empty folder; lines are typed into bash and into the
// lab's shell alike, so they use only what both shells share (echo, echo -n,
// >, >>, mkdir -p, rm, cat, cd, &&, ;).

export interface Sequence {
  name: string;
  lines: string[];
}

/** A repository with one commit of README.md. */
const BASE = ['git init -q', 'echo "# Pump failure" > README.md', 'git add README.md', 'git commit -q -m "Initial commit"'];

/** Two commits: README.md, then a second line and notes.txt. */
const TWO = [...BASE, 'echo "Predict failures." >> README.md', 'echo "notes" > notes.txt', 'git add .', 'git commit -m "Describe the project"'];

/** A 12-line CSV with a header (lines that start with a letter are git's hunk-header "function" lines). */
const CSV = [
  'echo "temperature,vibration,label" > data.csv',
  ...Array.from({ length: 11 }, (_, i) => `echo "${20 + i},0.${i},${i % 2}" >> data.csv`),
];

/** The lesson's project: .gitignore, a data file tracked by a .dvc file. */
const LESSON = [
  'git init -q',
  'echo "# Pump failure prediction" > README.md',
  'echo "/.lab/" > .gitignore',
  'echo "__pycache__/" >> .gitignore',
  'git add README.md .gitignore',
  'git commit -q -m "Initial project skeleton"',
  'mkdir -p data .lab',
  'echo "a,b" > data/raw_data.csv',
  'echo "store" > .lab/mlflow.db',
  'echo "/raw_data.csv" > data/.gitignore',
  'echo "outs:" > data/raw_data.csv.dvc',
  'echo "- md5: 1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d" >> data/raw_data.csv.dvc',
  'echo "  size: 4" >> data/raw_data.csv.dvc',
  'echo "  hash: md5" >> data/raw_data.csv.dvc',
  'echo "  path: raw_data.csv" >> data/raw_data.csv.dvc',
];

export const SEQUENCES: Sequence[] = [
  // ---------------------------------------------------------------- init and errors
  { name: 'init, reinit, status and log of an empty repository', lines: ['git status', 'git init', 'git status', 'git status -s', 'git log', 'git init', 'git branch'] },
  { name: 'commands outside a repository', lines: ['git status', 'git log', 'git add x', 'git show', 'git branch', 'git checkout -b x', 'git commit -m x'] },
  { name: 'an unknown command keeps git\'s message', lines: ['git init -q', 'git frobnicate', 'git frobnicate --now'] },
  { name: 'first commit, root-commit summary', lines: ['git init -q', 'echo a > a.txt', 'echo b > b.txt', 'git add a.txt b.txt', 'git status', 'git commit -m "First"', 'git status', 'git log'] },

  // ---------------------------------------------------------------- status
  {
    name: 'status: untracked folders are collapsed, -uall lists files',
    lines: ['git init -q', 'mkdir -p data/live', 'echo 1 > data/live/a.csv', 'echo 2 > data/b.csv', 'echo x > top.txt', 'git status', 'git status -s', 'git status --porcelain', 'git status -uall', 'git status -s -uall', 'git status --untracked-files=all', 'git status -u'],
  },
  {
    name: 'status: a folder with tracked files lists its untracked files',
    lines: [...BASE, 'mkdir -p data/live', 'echo 1 > data/a.csv', 'git add data/a.csv', 'git commit -q -m data', 'echo 2 > data/b.csv', 'echo 3 > data/live/c.csv', 'git status', 'git status -s', 'git status -uall'],
  },
  {
    name: 'status: staged and unstaged changes of the same file',
    lines: [...BASE, 'echo more >> README.md', 'git add README.md', 'echo again >> README.md', 'echo new > new.txt', 'git add new.txt', 'git status', 'git status -s', 'git status --porcelain'],
  },
  {
    name: 'status: added then deleted, deleted, modified',
    lines: [...TWO, 'echo tmp > tmp.txt', 'git add tmp.txt', 'rm tmp.txt', 'rm notes.txt', 'echo x >> README.md', 'git status', 'git status -s'],
  },
  { name: 'status -b and --branch', lines: ['git init -q', 'git status -sb', 'echo a > a', 'git add a', 'git commit -q -m a', 'git status -s -b', 'git status --porcelain --branch'] },
  {
    name: 'status from a sub-folder shows paths from there',
    lines: [...BASE, 'mkdir -p data/live', 'echo 1 > data/a.csv', 'echo 2 > data/live/b.csv', 'cd data', 'git status', 'git status -s', 'git status --porcelain', 'echo x >> ../README.md', 'git status -s', 'cd live', 'git status -s'],
  },
  {
    name: 'status limited to paths',
    lines: [...TWO, 'mkdir -p data/live', 'echo 1 > data/a.csv', 'echo 2 > data/live/b.csv', 'echo x >> README.md', 'echo y >> notes.txt', 'git add notes.txt', 'git status README.md', 'git status -s data', 'git status data/live', 'git status -s data/live/b.csv', 'git status -s -- notes.txt', 'git status nope.txt', 'git status -s -uall data'],
  },
  {
    // git does not look inside an ignored folder, and lists an untracked folder only if it holds a file that is not ignored.
    name: 'status: ignored folders, untracked folders of ignored files, a re-include inside an ignored folder',
    lines: [
      ...BASE,
      'echo "data/" > .gitignore',
      'echo "*.log" >> .gitignore',
      'echo "/out" >> .gitignore',
      'echo "build/*" >> .gitignore',
      'echo "!build/keep/" >> .gitignore',
      'mkdir -p data/raw logs/old out/x build/keep build/tmp src/gen mixed/deep',
      'echo 1 > data/raw/a.csv',
      'echo "!a.csv" > data/raw/.gitignore',
      'echo l > logs/old/run.log',
      'echo l > logs/run.log',
      'echo o > out/x/o.txt',
      'echo k > build/keep/k.txt',
      'echo t > build/tmp/t.txt',
      'echo "*" > src/gen/.gitignore',
      'echo g > src/gen/g.py',
      'echo m > mixed/deep/m.log',
      'echo n > mixed/deep/n.txt',
      'git status',
      'git status -s',
      'git status -s -uall',
      'git status -s logs mixed',
      'git status -s -uall build',
      'git add .',
      'git status -s',
    ],
  },
  { name: 'status only staged changes', lines: [...BASE, 'echo x >> README.md', 'git add .', 'git status'] },

  // ---------------------------------------------------------------- add
  {
    name: 'add: folders and .',
    lines: [...BASE, 'mkdir -p d/e', 'echo a > d/a', 'echo b > d/e/b', 'git add d', 'git status -s', 'echo c > c.txt', 'git add .', 'git status'],
  },
  { name: 'add: a deletion', lines: [...TWO, 'rm notes.txt', 'git status -s', 'git add notes.txt', 'git status', 'git commit -m "Remove notes"'] },
  { name: 'add: nothing, an unknown path', lines: [...BASE, 'git add', 'git add nope.txt', 'echo x > x.txt', 'git add x.txt nope.txt', 'git status -s'] },
  { name: 'add -A and -u', lines: [...TWO, 'echo n > new.txt', 'echo m >> README.md', 'rm notes.txt', 'git add -u', 'git status -s', 'git add -A', 'git status -s'] },
  {
    name: 'add: ignored files and folders',
    lines: [...BASE, 'echo "/.lab/" > .gitignore', 'echo "__pycache__/" >> .gitignore', 'echo "*.log" >> .gitignore', 'mkdir -p .lab src/__pycache__', 'echo x > .lab/store', 'echo y > src/__pycache__/m.pyc', 'echo z > src/m.py', 'echo l > run.log', 'git status', 'git add .', 'git status -s', 'git add run.log', 'git add .lab', 'git status -s'],
  },
  {
    name: 'add -f: ignored files and folders added anyway, then committed',
    lines: [...LESSON, 'mkdir -p logs', 'echo l > logs/run.txt', 'echo "/logs/" >> .gitignore', 'git add -f data/raw_data.csv', 'git status -s', 'git add --force logs', 'git add -f nope', 'git commit -q -m "Force"', 'git show --stat HEAD'],
  },
  { name: 'add from a sub-folder', lines: [...BASE, 'mkdir -p data', 'echo 1 > data/a.csv', 'echo 2 > b.txt', 'cd data', 'git add .', 'git status -s', 'git add ../b.txt', 'git status -s'] },

  // ---------------------------------------------------------------- commit
  { name: 'commit: nothing to commit, clean', lines: [...BASE, 'git commit -m "again"'] },
  { name: 'commit: nothing added but untracked files', lines: [...BASE, 'echo u > u.txt', 'git commit -m "again"'] },
  { name: 'commit: changes not staged', lines: [...BASE, 'echo x >> README.md', 'git commit -m "again"', 'echo u > u.txt', 'git commit -m "again"'] },
  { name: 'commit: nothing to commit in an empty repository', lines: ['git init -q', 'git commit -m "first"', 'echo a > a', 'git commit -m "first"'] },
  { name: 'commit -a and -am', lines: [...TWO, 'echo more >> README.md', 'git commit -a -m "More"', 'echo again >> README.md', 'rm notes.txt', 'git commit -am "Again"', 'git log --oneline', 'git status'] },
  { name: 'commit -a leaves untracked files alone', lines: [...BASE, 'echo u > u.txt', 'git commit -am "nothing"', 'echo x >> README.md', 'git commit --all -m "readme"', 'git status -s'] },
  { name: 'commit with several -m paragraphs', lines: [...BASE, 'echo 1 >> README.md', 'git commit -am "Subject line" -m "Body line one" -m "Body line two"', 'git log -1', 'git log --oneline -1'] },
  { name: 'commit message cleanup and an empty message', lines: [...BASE, 'echo 1 >> README.md', 'git commit -am ""', 'git commit -am "   "', 'git commit -am "  Padded subject  "', 'git log -1'] },
  { name: 'commit --message= and --allow-empty', lines: [...BASE, 'git commit --allow-empty -m "Empty"', 'echo x >> README.md', 'git commit -a --message="Long option"', 'git log --oneline'] },
  { name: 'commit an empty file and deletions: the summary counts', lines: [...BASE, 'echo -n "" > empty.txt', 'git add empty.txt', 'git commit -m "Empty file"', 'git rm -q README.md', 'git commit -m "Remove readme"'] },
  { name: 'commit summary with many files', lines: ['git init -q', 'mkdir -p a/b', 'echo 1 > a/one', 'echo 2 > a/b/two', 'echo 3 > three', 'git add .', 'git commit -m "Three files"', 'rm a/one', 'echo 4 >> three', 'git commit -am "Change"'] },

  // ---------------------------------------------------------------- log
  {
    name: 'log: default, --oneline, -1, -n N, -nN, --max-count',
    lines: [...TWO, 'echo third >> README.md', 'git commit -q -am "Third"', 'git log', 'git log --oneline', 'git log -1', 'git log -n 2', 'git log -n2 --oneline', 'git log --max-count=1 --oneline', 'git log -2 --oneline', 'git log -n 0'],
  },
  { name: 'log --stat', lines: [...TWO, 'git log --stat', 'git log --oneline --stat', 'git log -1 --stat'] },
  { name: 'log -p', lines: [...TWO, 'git log -p -1', 'git log --oneline -p'] },
  { name: 'log of a revision and of paths', lines: [...TWO, 'echo x >> notes.txt', 'git commit -q -am "Notes"', 'git log --oneline HEAD~1', 'git log --oneline -- README.md', 'git log --oneline notes.txt', 'git log --oneline main~2', 'git log nope', 'git log --oneline -- nope.txt'] },
  { name: 'log decorations with several branches', lines: [...TWO, 'git branch zeta', 'git branch alpha HEAD~1', 'git branch beta', 'git log --oneline', 'git log -1', 'git log --oneline --decorate', 'git log --oneline --no-decorate', 'git show -s --no-decorate'] },

  // ---------------------------------------------------------------- show
  { name: 'show HEAD, HEAD~1, HEAD^, a branch', lines: [...TWO, 'git show', 'git show HEAD~1', 'git show HEAD^', 'git show main', 'git show @'] },
  { name: 'show --stat, --oneline, -s, --name-only, --name-status', lines: [...TWO, 'git show --stat', 'git show --stat HEAD~1', 'git show --oneline', 'git show -s', 'git show --name-only', 'git show --name-status'] },
  { name: 'show a file at a revision', lines: [...TWO, 'git show HEAD:README.md', 'git show HEAD~1:README.md', 'git show HEAD~1:notes.txt', 'git show HEAD:nope.txt', 'git show HEAD:', 'git show nope:README.md'] },
  { name: 'show a folder and a file from a sub-folder', lines: [...BASE, 'mkdir -p data', 'echo 1 > data/a.csv', 'git add .', 'git commit -q -m data', 'git show HEAD:data', 'cd data', 'git show HEAD:./a.csv', 'git show HEAD:data/a.csv'] },
  { name: 'show several revisions and files', lines: [...TWO, 'git show HEAD HEAD~1', 'git show -s HEAD HEAD~1', 'git show --oneline HEAD HEAD~1', 'git show HEAD:README.md HEAD~1:README.md', 'git show --stat --oneline HEAD HEAD~1', 'git show HEAD:notes.txt HEAD'] },
  { name: 'show: bad revisions', lines: [...TWO, 'git show HEAD~5', 'git show nope', 'git show HEAD^2'] },
  { name: 'show in an empty repository', lines: ['git init -q', 'git show', 'git show HEAD'] },

  // ---------------------------------------------------------------- diff
  {
    name: 'diff: working tree, --staged, --cached',
    lines: [...TWO, 'echo change >> README.md', 'git diff', 'git diff --staged', 'git add README.md', 'git diff', 'git diff --staged', 'git diff --cached', 'echo more >> notes.txt', 'git diff', 'git diff --stat', 'git diff --staged --stat'],
  },
  { name: 'diff against revisions', lines: [...TWO, 'echo x >> README.md', 'git diff HEAD', 'git diff HEAD~1', 'git diff HEAD~1 HEAD', 'git diff HEAD HEAD~1', 'git diff HEAD~1..HEAD', 'git diff --staged HEAD~1', 'git diff HEAD~1 --stat'] },
  { name: 'diff limited to paths', lines: [...TWO, 'echo x >> README.md', 'echo y >> notes.txt', 'git diff README.md', 'git diff -- notes.txt', 'git diff HEAD~1 -- README.md', 'git diff nope.txt', 'git diff -- nope.txt'] },
  {
    name: 'diff: deletions and additions interleaved',
    lines: [...CSV, 'git init -q', 'git add data.csv', 'git commit -q -m data', 'echo "temperature,vibration,label" > data.csv', 'echo "20,0.0,0" >> data.csv', 'echo "21,0.9,1" >> data.csv', 'echo "22,0.2,0" >> data.csv', 'echo "23,0.3,1" >> data.csv', 'echo "25,0.5,1" >> data.csv', 'echo "26,0.6,0" >> data.csv', 'echo "new,row,x" >> data.csv', 'echo "27,0.7,1" >> data.csv', 'git diff', 'git diff --stat'],
  },
  {
    name: 'diff: hunk headers name the nearest line starting with a letter; far changes make two hunks',
    lines: [...CSV, 'git init -q', 'git add data.csv', 'git commit -q -m data', 'echo "trailer,line,0" >> data.csv', 'git diff', 'git commit -q -am more', 'echo "temperature,vibration,label" > data.csv', 'echo "20,0.0,X" >> data.csv', 'echo "21,0.1,1" >> data.csv', 'echo "22,0.2,0" >> data.csv', 'echo "23,0.3,1" >> data.csv', 'echo "24,0.4,0" >> data.csv', 'echo "25,0.5,1" >> data.csv', 'echo "26,0.6,0" >> data.csv', 'echo "27,0.7,1" >> data.csv', 'echo "28,0.8,0" >> data.csv', 'echo "29,0.9,1" >> data.csv', 'echo "30,0.10,0" >> data.csv', 'echo "trailer,line,CHANGED" >> data.csv', 'git diff'],
  },
  {
    name: 'diff: changes 6 and 7 lines apart (one hunk or two)',
    lines: ['git init -q', ...Array.from({ length: 20 }, (_, i) => `echo ${i} ${i === 0 ? '>' : '>>'} n.txt`), 'git add n.txt', 'git commit -q -m n', ...Array.from({ length: 20 }, (_, i) => `echo ${i === 2 || i === 9 || i === 17 ? `x${i}` : i} ${i === 0 ? '>' : '>>'} n.txt`), 'git diff'],
  },
  {
    name: 'diff: no newline at end of file',
    lines: ['git init -q', 'echo -n "a" > f.txt', 'echo -n "x" > g.txt', 'echo "same" > h.txt', 'git add .', 'git commit -q -m one', 'echo "a" > f.txt', 'echo -n "y" > g.txt', 'echo -n "same" > h.txt', 'git diff', 'git commit -q -am two', 'git show --stat', 'git diff HEAD~1'],
  },
  { name: 'diff: new, deleted and empty files', lines: [...TWO, 'echo n > new.txt', 'echo -n "" > empty.txt', 'git add new.txt empty.txt', 'git rm -q notes.txt', 'git diff --staged', 'git diff --staged --stat', 'git diff --staged --name-status', 'git diff HEAD --name-only'] },
  { name: 'diff: a repeated line inserted', lines: ['git init -q', 'echo a > r.txt', 'echo b >> r.txt', 'echo b >> r.txt', 'echo c >> r.txt', 'git add r.txt', 'git commit -q -m r', 'echo a > r.txt', 'echo b >> r.txt', 'echo b >> r.txt', 'echo b >> r.txt', 'echo c >> r.txt', 'git diff', 'echo a > r.txt', 'echo c >> r.txt', 'git diff'] },
  { name: 'diff before the first commit', lines: ['git init -q', 'echo a > a.txt', 'git add a.txt', 'git diff', 'git diff --staged', 'echo b >> a.txt', 'git diff'] },
  { name: 'diff --stat graph scaling', lines: ['git init -q', ...Array.from({ length: 90 }, (_, i) => `echo ${i} ${i === 0 ? '>' : '>>'} big.txt`), 'echo s > small.txt', 'git add .', 'git commit -q -m big', 'git show --stat', 'echo x >> small.txt', 'rm big.txt', 'git diff --stat'] },

  // ---------------------------------------------------------------- branches
  { name: 'branch: list, create, exists, invalid, show-current', lines: [...TWO, 'git branch', 'git branch exp', 'git branch', 'git branch exp', 'git branch "a..b"', 'git branch old HEAD~1', 'git branch bad nope', 'git branch --show-current', 'git log --oneline'] },
  { name: 'branch -d and -D', lines: [...TWO, 'git branch done HEAD~1', 'git branch -d done', 'git branch -d nope', 'git branch -d main', 'git checkout -q -b side', 'echo s >> notes.txt', 'git commit -q -am side', 'git checkout -q main', 'git branch -d side', 'git branch -D side', 'git branch'] },
  { name: 'branch in an empty repository', lines: ['git init -q', 'git branch', 'git branch x', 'git branch --show-current'] },
  {
    name: 'checkout and switch between branches',
    lines: [...TWO, 'git branch exp', 'git checkout exp', 'git status', 'echo e >> README.md', 'git commit -am "Exp change"', 'git checkout main', 'cat README.md', 'git log --oneline', 'git log --oneline exp', 'git checkout main', 'git switch exp', 'cat README.md', 'git switch exp'],
  },
  { name: 'checkout -b and switch -c', lines: [...TWO, 'git checkout -b feature', 'git branch', 'git switch main', 'git switch -c other', 'git switch -c other', 'git checkout -b old HEAD~1', 'cat README.md', 'git status -s', 'git checkout -b x nope', 'git switch -c y HEAD~1', 'git branch'] },
  { name: 'switch: errors', lines: [...TWO, 'git switch nope', 'git switch HEAD~1', 'git switch', 'git checkout -b "bad name"'] },
  { name: 'switch carries local changes', lines: [...TWO, 'git branch exp', 'echo mod >> README.md', 'echo s > staged.txt', 'git add staged.txt', 'git switch exp', 'git status -s', 'git checkout main', 'rm notes.txt', 'git checkout exp'] },
  { name: 'switch refused: local changes would be overwritten', lines: [...TWO, 'git checkout -q -b exp', 'echo e >> README.md', 'git commit -q -am exp', 'git checkout -q main', 'echo local >> README.md', 'git checkout exp', 'git switch exp', 'git add README.md', 'git checkout exp', 'git status -s'] },
  { name: 'switch refused: untracked file would be overwritten', lines: [...BASE, 'git checkout -q -b exp', 'echo f > f.txt', 'git add f.txt', 'git commit -q -m f', 'git checkout -q main', 'echo other > f.txt', 'git checkout exp', 'rm f.txt', 'git checkout exp', 'cat f.txt', 'git checkout main', 'cat f.txt'] },
  { name: 'checkout a new branch before the first commit', lines: ['git init -q', 'git checkout -b dev', 'git status', 'echo a > a', 'git add a', 'git commit -m a', 'git branch'] },

  // ---------------------------------------------------------------- restoring files
  {
    name: 'checkout <path> from the index, with and without --',
    lines: [...TWO, 'echo oops > README.md', 'git checkout README.md', 'cat README.md', 'echo oops > README.md', 'git checkout -- README.md', 'git checkout -- .', 'git checkout nope.txt', 'git checkout -- nope.txt', 'echo o >> notes.txt', 'git checkout .', 'git status -s'],
  },
  { name: 'checkout <rev> -- <path> and checkout <rev> <path>', lines: [...TWO, 'git checkout HEAD~1 -- README.md', 'git status -s', 'cat README.md', 'git checkout HEAD README.md', 'git status -s', 'git checkout HEAD~1 notes.txt', 'git checkout HEAD~1 -- notes.txt', 'git checkout nope -- README.md', 'git status -s'] },
  {
    name: 'restore, restore --staged, --worktree, --source',
    lines: [...TWO, 'echo x >> README.md', 'git restore README.md', 'git status -s', 'echo y >> README.md', 'git add README.md', 'git restore --staged README.md', 'git status -s', 'git restore --source=HEAD~1 README.md', 'git status -s', 'git restore -s HEAD README.md', 'git add README.md', 'git restore --staged --worktree --source=HEAD~1 README.md', 'git status -s', 'git restore -SW README.md', 'git status -s'],
  },
  { name: 'restore: errors and a new file', lines: [...BASE, 'git restore', 'git restore nope.txt', 'git restore --source=nope README.md', 'echo n > new.txt', 'git add new.txt', 'git restore --staged new.txt', 'git status -s', 'git restore --staged .', 'git status -s'] },
  { name: 'restore --source of a file the revision lacks', lines: [...TWO, 'git restore --source=HEAD~1 notes.txt', 'git status -s', 'git restore --source HEAD~1 --staged notes.txt', 'git status -s'] },
  { name: 'reset <file> unstages', lines: [...TWO, 'echo x >> README.md', 'echo y >> notes.txt', 'git add .', 'git reset README.md', 'git status -s', 'git reset -- notes.txt', 'git status -s', 'git add .', 'git reset HEAD README.md', 'git reset', 'git status -s', 'git reset nope.txt', 'git reset -q'] },
  { name: 'reset --soft, --mixed, --hard', lines: [...TWO, 'git reset --soft HEAD~1', 'git status -s', 'git log --oneline', 'git reset --mixed HEAD', 'git status -s', 'git commit -q -am again', 'git reset --hard HEAD~1', 'git status', 'cat README.md', 'git reset --hard HEAD~3', 'git reset --hard README.md', 'echo z >> README.md', 'git reset HEAD~1', 'git status -s', 'git log --oneline'] },
  { name: 'reset a new file and a revision with paths', lines: [...TWO, 'echo n > new.txt', 'git add new.txt', 'git reset new.txt', 'git status -s', 'git reset HEAD~1 -- README.md', 'git status -s', 'git diff --staged'] },
  { name: 'rm --cached and rm -r --cached', lines: [...BASE, 'mkdir -p data', 'echo 1 > data/a.csv', 'echo 2 > data/b.csv', 'git add .', 'git commit -q -m data', 'git rm --cached README.md', 'git status -s', 'git rm --cached data', 'git rm -r --cached data', 'git status'] },
  { name: 'rm: files, errors, local modifications', lines: [...TWO, 'git rm', 'git rm nope.txt', 'echo x >> notes.txt', 'git rm notes.txt', 'git add notes.txt', 'git rm notes.txt', 'echo y >> notes.txt', 'git rm notes.txt', 'git rm --cached notes.txt', 'git rm -f notes.txt', 'git rm README.md', 'git status'] },

  // ---------------------------------------------------------------- revisions
  { name: 'revisions: hashes, ~N, ^, @', lines: [...TWO, 'echo 3 >> README.md', 'git commit -q -am three', 'git show --oneline -s HEAD~2', 'git show --oneline -s HEAD^^', 'git show --oneline -s HEAD~1^', 'git show --oneline -s @~1', 'git show --oneline -s main^0', 'git show --oneline -s HEAD~3', 'git log --oneline HEAD^'] },

  // ---------------------------------------------------------------- hashes (the commits of TWO are the same in both: 264e97e, 63b9f40)
  { name: 'revisions by full and short hash', lines: [...TWO, 'git show --stat 264e97efeb6def33784515ef4ace198db8c2b952', 'git show -s 63b9f40', 'git log --oneline 264e97e', 'git diff 264e97e 63b9f40 --stat', 'git checkout 264e97e -- README.md', 'git status -s', 'git branch from-hash 264e', 'git log --oneline from-hash', 'git show abcdef1'] },
  { name: 'checkout of a commit (detached HEAD) is not in the lab; its files are', lines: [...TWO, 'git checkout 264e97e -- notes.txt', 'git show 63b9f40:notes.txt', 'git switch -c at-first 264e97e', 'git log --oneline', 'git status'] },

  // ---------------------------------------------------------------- renames and mv
  {
    name: 'exact renames: mv and git add -A, git mv',
    lines: ['git init -q', 'mkdir -p d', 'echo hello > d/a.txt', 'echo x > b.txt', 'git add .', 'git commit -q -m one', 'git mv d/a.txt d/c.txt', 'mv b.txt e.txt', 'git add -A', 'git status', 'git status -s', 'git diff --staged', 'git diff --staged --stat', 'git diff --staged --name-status', 'git commit -m two', 'git show --stat', 'git log --stat -1 --oneline', 'git show'],
  },
  { name: 'git mv: errors, into a folder, a folder', lines: [...BASE, 'git mv nope y', 'echo u > u', 'git mv u v', 'git mv README.md d2/', 'mkdir -p k', 'git mv README.md k', 'git status -s', 'echo 1 > k/new', 'git mv k m', 'git status -s', 'cat m/new', 'git mv m/README.md m/README.md', 'git commit -q -m moved', 'git log --stat --oneline -1'] },
  { name: 'a rename with an unstaged edit', lines: [...BASE, 'git mv README.md READ.md', 'echo more >> READ.md', 'git status', 'git status -s', 'git diff', 'git commit -m "Rename"'] },

  // ---------------------------------------------------------------- typos, unusual names, pathspecs
  { name: 'mistyped commands get git\'s suggestions', lines: ['git init -q', 'git stauts', 'git comit', 'git st', 'git lo', 'git ad', 'git chekout', 'git swich', 'git xyzzyq'] },
  {
    name: 'names with spaces and non-ASCII letters are quoted as git quotes them',
    lines: ['git init -q', 'echo a > "my notes.txt"', 'echo b > café.txt', 'mkdir -p "new dir"', 'echo c > "new dir/x.txt"', 'git status', 'git status -s', 'git status --porcelain', 'git add .', 'git status', 'git status -s', 'git commit -m "Odd names"', 'echo d >> café.txt', 'echo e >> "my notes.txt"', 'git diff', 'git diff --stat', 'git diff --name-only', 'git rm --cached café.txt', 'echo n > "new file.txt"', 'git add "new file.txt"', 'git rm -q --cached "my notes.txt"', 'git diff --staged'],
  },
  { name: 'quoted globs are git pathspecs', lines: [...BASE, 'mkdir -p data/live', 'echo 1 > data/a.csv', 'echo 2 > data/live/b.csv', 'echo 3 > c.txt', 'git add "*.csv"', 'git status -s', 'git rm -q --cached "data/*"', 'git status -s', 'git add "data/*.csv" c.txt', 'git status -s', 'git add "*.nope"'] },
  {
    name: 'diff --stat with long names and many changes',
    lines: ['git init -q', 'mkdir -p data/live', ...Array.from({ length: 60 }, (_, i) => `echo ${i} ${i === 0 ? '>' : '>>'} data/live/batch_2026_11_27_readings_from_the_north_pump_station_sensor_array.csv`), 'echo a > s.txt', 'git add .', 'git commit -m "Batch"', 'git show --stat', 'git log --stat --oneline'],
  },
  {
    name: 'the lesson: dvc init\'s files next to the project',
    lines: [...LESSON, 'mkdir -p .dvc/cache/files/md5/1a .dvc/tmp', 'echo "[core]" > .dvc/config', 'echo "/config.local" > .dvc/.gitignore', 'echo "/tmp" >> .dvc/.gitignore', 'echo "/cache" >> .dvc/.gitignore', 'echo "x" > .dvc/cache/files/md5/1a/2b3c', 'echo "lock" > .dvc/tmp/lock', 'echo "# .dvcignore" > .dvcignore', 'git status', 'git status -s -uall', 'git add .dvc .dvcignore', 'git status -s', 'git commit -m "Initialize DVC"'],
  },

  // ---------------------------------------------------------------- more restoring and switching
  { name: 'deleted files: diff, checkout -- ., restore', lines: [...TWO, 'rm notes.txt README.md', 'git diff', 'git diff --stat', 'git checkout -- .', 'git status -s', 'rm notes.txt', 'git restore notes.txt', 'git status -s', 'rm README.md', 'git checkout README.md', 'cat README.md'] },
  { name: 'reset --hard drops staged new files, keeps untracked ones', lines: [...TWO, 'echo n > new.txt', 'git add new.txt', 'echo u > untracked.txt', 'echo x >> README.md', 'git reset --hard', 'git status -s', 'cat untracked.txt', 'cat new.txt'] },
  { name: 'checkout -b with local changes, a commit on the new branch', lines: [...TWO, 'echo wip >> README.md', 'git checkout -b wip', 'git commit -am "Work in progress"', 'git log --oneline', 'git switch main', 'cat README.md', 'git diff main wip', 'git diff main wip -- README.md', 'git diff HEAD~1 HEAD -- notes.txt', 'echo w >> notes.txt', 'git switch -c w2', 'git checkout -b w3 HEAD', 'git switch -c w4 main', 'git status -s', 'git checkout w4', 'git switch w4'] },

  // ---------------------------------------------------------------- the lesson
  {
    name: 'the lesson: a .dvc file committed twice, then checked out from HEAD~1',
    lines: [
      ...LESSON,
      'git status',
      'git add data/raw_data.csv.dvc data/.gitignore',
      'git status',
      'git commit -m "Track raw data with DVC"',
      'echo "outs:" > data/raw_data.csv.dvc',
      'echo "- md5: ffffffffffffffffffffffffffffffff" >> data/raw_data.csv.dvc',
      'echo "  size: 9" >> data/raw_data.csv.dvc',
      'echo "  hash: md5" >> data/raw_data.csv.dvc',
      'echo "  path: raw_data.csv" >> data/raw_data.csv.dvc',
      'git diff',
      'git add data/raw_data.csv.dvc',
      'git commit -m "Version 2 of the data"',
      'git log --oneline',
      'git checkout HEAD~1 -- data/raw_data.csv.dvc',
      'git status',
      'git diff --staged',
      'cat data/raw_data.csv.dvc',
      'git diff HEAD~1 --stat',
      'git show HEAD~1:data/raw_data.csv.dvc',
    ],
  },
  {
    name: 'the lesson: data tracked by git first, then git rm -r --cached',
    lines: [...LESSON, 'git add data', 'git status -s', 'git commit -q -m "Add data"', 'git rm -r --cached data/raw_data.csv', 'git commit -m "stop tracking data/raw_data.csv"', 'git status', 'git log --stat -1'],
  },
];
