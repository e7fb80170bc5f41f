import { defineQuiz } from "@/lib/quizzes/define";

/** The lesson's knowledge checks; its page shows them, the server grades them. */

export const firstSteps = defineQuiz({
  id: "cli-first-steps",
  title: "Moving around and making files",
  questions: [
    {
      id: "cd-up",
      kind: "single",
      prompt: "In `/home/ada/projects` you run `cd ..`, then `pwd`. What does it print?",
      explanation:
        "`..` always names the parent of the current directory, and `pwd` prints the directory you are in after the `cd`.",
      options: [
        {
          id: "parent",
          text: "`/home/ada`",
          correct: true,
          explanation: "`..` is the parent directory, so `cd ..` goes one level up.",
        },
        {
          id: "literal",
          text: "`/home/ada/projects/..`",
          explanation:
            "The shell resolves `..`; `pwd` prints the resulting path, not what you typed.",
        },
        {
          id: "root",
          text: "`/`",
          explanation: "That would be `cd /`. `cd ..` goes up one level only.",
        },
        {
          id: "home",
          text: "Nothing: neither of them prints",
          explanation:
            "`cd` prints nothing, but `pwd` (print working directory) always prints one line.",
        },
      ],
    },
    {
      id: "append",
      kind: "single",
      prompt: '`todo.txt` has one line. What does `echo "Learn Git" >> todo.txt` do?',
      explanation:
        "`>` truncates the file and writes; `>>` appends. Both create the file if it is missing.",
      options: [
        {
          id: "appends",
          text: "Appends a line: the file now has two",
          correct: true,
          explanation: "`>>` opens the file for appending.",
        },
        {
          id: "replaces",
          text: "Replaces the content with `Learn Git`",
          explanation:
            "That is what a single `>` does. Mixing the two up is a classic way to lose a file.",
        },
        {
          id: "prints",
          text: "Prints `Learn Git`, then the file",
          explanation: "With a redirection, `echo`'s output goes to the file, not to the terminal.",
        },
        {
          id: "fails",
          text: "Fails: the file exists",
          explanation:
            "Neither `>` nor `>>` refuse an existing file (unless you `set -o noclobber`, and then only `>`).",
        },
      ],
    },
  ],
});

export const plumbing = defineQuiz({
  id: "cli-pipes-and-exit-codes",
  title: "Pipes, redirection and exit codes",
  questions: [
    {
      id: "pipe",
      kind: "single",
      prompt: "In `grep 'GET' access.log | wc -l`, what does `|` do?",
      explanation:
        "A pipe connects two processes: the standard output of the left one becomes the standard input of the right one.",
      options: [
        {
          id: "stdout-to-stdin",
          text: "Feeds what `grep` prints into `wc`, which counts its lines",
          correct: true,
          explanation:
            "`wc -l` reads `grep`'s output, not the file, so it counts only the matching lines.",
        },
        {
          id: "file",
          text: "Writes `grep`'s output to a file called `wc`",
          explanation: "Writing to a file is a redirection (`>`). A pipe goes to another program.",
        },
        {
          id: "or",
          text: "Runs `wc -l` only if `grep` fails",
          explanation: "That is `||`. A single `|` is a pipe.",
        },
        {
          id: "stderr",
          text: "Sends `grep`'s error messages to `wc`",
          explanation:
            "Only standard output goes through a plain pipe; errors still reach the terminal (bash's `|&` would send both).",
        },
      ],
    },
    {
      id: "exit-codes",
      kind: "multiple",
      prompt: "Which of these are true of exit codes?",
      explanation:
        "Every command ends with a number from 0 to 255: 0 means success, anything else a kind of failure that the program's manual explains. `$?` holds the last one.",
      options: [
        {
          id: "zero",
          text: "0 means the command succeeded",
          correct: true,
          explanation: "By convention, and every shell operator relies on it.",
        },
        {
          id: "grep-one",
          text: "`grep` exits with 1 when no line matched",
          correct: true,
          explanation: "grep's manual: 0 if a line is selected, 1 if none, 2 if an error occurred.",
        },
        {
          id: "and",
          text: "In `a && b`, `b` runs only if `a` exited with 0",
          correct: true,
          explanation: "`&&` continues on success; `||` continues on failure.",
        },
        {
          id: "crash",
          text: "A non-zero exit code means the program crashed",
          explanation:
            'Not necessarily: `grep` exits with 1 just to say "no match", which is useful in scripts.',
        },
      ],
    },
    {
      id: "stderr",
      kind: "single",
      prompt: "Where does the error message of `ls todo.txt missing.txt > out.txt 2>&1` go?",
      explanation:
        "`> out.txt` points standard output (1) at the file; `2>&1` then points standard error (2) wherever 1 points now. Order matters: `2>&1 > out.txt` would leave errors on the terminal.",
      options: [
        {
          id: "file",
          text: "Into `out.txt`, together with the normal output",
          correct: true,
          explanation: "Both streams end up in the file, as the transcript shows.",
        },
        {
          id: "terminal",
          text: "To the terminal; only the normal output goes to `out.txt`",
          explanation:
            "That is what `> out.txt` alone would do. `2>&1` joins the error stream to it.",
        },
        {
          id: "file-2",
          text: "Into a file called `1`",
          explanation: "The `&` makes `1` a stream number, not a file name.",
        },
        {
          id: "dropped",
          text: "Nowhere: `2>&1` discards errors",
          explanation: "Discarding is `2> /dev/null`.",
        },
      ],
    },
  ],
});

export const environmentAndCurl = defineQuiz({
  id: "cli-environment-and-curl",
  title: "Environment variables and curl",
  questions: [
    {
      id: "export",
      kind: "single",
      prompt:
        "After `GREETING=hello`, `echo $GREETING` prints `hello` but `bash -c 'echo \"[$GREETING]\"'` prints `[]`. Why?",
      explanation:
        "A plain assignment makes a shell variable. Only exported variables are copied into the environment of the programs the shell starts.",
      options: [
        {
          id: "not-exported",
          text: "The variable was not exported, so the child process does not get it",
          correct: true,
          explanation: "After `export GREETING` the same command prints `[hello]`.",
        },
        {
          id: "quotes",
          text: "The single quotes stop `$GREETING` from ever being expanded",
          explanation:
            "They stop the outer shell expanding it, but the inner `bash` expands it: it just has no such variable.",
        },
        {
          id: "bash-c",
          text: "`bash -c` starts with no environment at all",
          explanation: "It inherits every exported variable, `PATH` and `HOME` included.",
        },
        {
          id: "case",
          text: "Variable names must be lowercase",
          explanation:
            "Any case works; uppercase is only the convention for environment variables.",
        },
      ],
    },
    {
      id: "curl-404",
      kind: "single",
      prompt:
        '`curl -s "$BMJ/api/v1/http/status/404" -H "X-Sandbox-Key: $KEY"` gets a `404`. What is `$?` right after?',
      explanation:
        "curl's exit code is about the transfer, not the HTTP status: a 404 answered in full is a successful transfer. Add `-f` (`--fail`) to make HTTP errors exit with 22.",
      options: [
        {
          id: "zero",
          text: "`0`",
          correct: true,
          explanation:
            "The server answered; curl did its job. Check the status with `-i` or `-w '%{http_code}'`.",
        },
        {
          id: "twenty-two",
          text: "`22`",
          explanation: "Only with `-f`/`--fail`.",
        },
        {
          id: "four-oh-four",
          text: "`404`",
          explanation: "Exit codes only go up to 255, and curl does not map statuses to them.",
        },
        {
          id: "seven",
          text: "`7`",
          explanation: "7 means curl could not connect at all, e.g. nothing listens on that port.",
        },
      ],
    },
    {
      id: "curl-flags",
      kind: "multiple",
      prompt: "Which of these curl options do what they say here?",
      explanation:
        "`-i` includes the status line and headers, `-X` sets the method, `-H` adds a header, `-d` sends a body (and makes the request a POST), `-s` hides the progress meter and errors.",
      options: [
        {
          id: "i",
          text: "`-i` prints the response's status line and headers before the body",
          correct: true,
          explanation: "`-i` is `--include`.",
        },
        {
          id: "d",
          text: '`-d \'{"title":"x"}\'` sends that body, and makes the request a POST',
          correct: true,
          explanation:
            "With `-d` and no `-X`, curl sends POST. Add `-H 'Content-Type: application/json'` for JSON.",
        },
        {
          id: "h",
          text: '`-H "X-Sandbox-Key: $KEY"` adds a request header',
          correct: true,
          explanation: "It is how a terminal sends your sandbox key, since it has no cookie.",
        },
        {
          id: "s",
          text: "`-s` shows only the status code",
          explanation:
            "`-s` is silent mode: no progress meter, no error messages. `-w '%{http_code}'` prints the status.",
        },
      ],
    },
  ],
});

export const commitsAndBranches = defineQuiz({
  id: "git-commits-and-branches",
  title: "Commits and branches",
  questions: [
    {
      id: "stage",
      kind: "single",
      prompt:
        'You edited `index.js`; `git commit -m "List todos"` says `no changes added to commit`. What is missing?',
      explanation:
        "A commit records what is in the staging area (the index). `git add` puts a file's current content there; `git commit -a` stages every tracked file that changed.",
      options: [
        {
          id: "add",
          text: "`git add index.js` (or `git commit -am …`)",
          correct: true,
          explanation: "Stage the change first, then commit it.",
        },
        {
          id: "push",
          text: "`git push`",
          explanation:
            "Pushing sends commits you already have to another repository; it does not make one.",
        },
        {
          id: "init",
          text: "`git init` again",
          explanation: "The repository exists; running it again changes nothing here.",
        },
        {
          id: "branch",
          text: "A new branch",
          explanation: "You can commit on any branch, `main` included.",
        },
      ],
    },
    {
      id: "branch",
      kind: "multiple",
      prompt: "Which of these are true of a Git branch?",
      explanation:
        "A branch is a name that points at a commit and moves forward when you commit on it. Commits are shared, not copied.",
      options: [
        {
          id: "pointer",
          text: "It is a movable name for one commit",
          correct: true,
          explanation: "`.git/refs/heads/add-list` holds just a commit hash.",
        },
        {
          id: "switch-c",
          text: "`git switch -c add-list` creates it and switches to it",
          correct: true,
          explanation: "`-c` is create; the older `git checkout -b` does the same.",
        },
        {
          id: "copy",
          text: "Creating one copies every file of the project",
          explanation:
            "It writes one small reference. That is why branches are cheap enough to make for every change.",
        },
        {
          id: "delete",
          text: "Deleting a merged branch deletes its commits",
          explanation:
            "After a merge the commits are part of `main`'s history; `git branch -d` only removes the name.",
        },
      ],
    },
    {
      id: "fast-forward",
      kind: "single",
      prompt: "`git merge add-list` on `main` printed `Fast-forward`. What happened?",
      explanation:
        "When the branch being merged already contains every commit of the current one, Git just moves the current branch forward: no merge commit is needed.",
      options: [
        {
          id: "moved",
          text: "`main` had no commits of its own since `add-list` began, so `main` now points at `add-list`'s last commit",
          correct: true,
          explanation: "The history stays a straight line, as `git log --graph` shows.",
        },
        {
          id: "merge-commit",
          text: "Git made a merge commit with two parents",
          explanation: "That happens when both branches have new commits (or with `--no-ff`).",
        },
        {
          id: "rebased",
          text: "Git rebased `add-list` onto `main`",
          explanation: "Merge never rewrites the other branch's commits.",
        },
        {
          id: "skipped",
          text: "Nothing was merged: the branches were already equal",
          explanation: "Then Git says `Already up to date.`",
        },
      ],
    },
  ],
});

export const mergeAndRebase = defineQuiz({
  id: "git-conflicts-and-rebase",
  title: "Conflicts and rebase",
  questions: [
    {
      id: "conflict",
      kind: "single",
      prompt:
        "`git merge shout` stops with `CONFLICT (content): Merge conflict in index.js`. How do you finish the merge?",
      explanation:
        "Git wrote both versions into the file between `<<<<<<<`, `=======` and `>>>>>>>`. You decide what the file should say, remove the markers, stage it, and commit.",
      options: [
        {
          id: "edit-add-commit",
          text: "Edit `index.js` to what it should be, without the markers, then `git add index.js` and `git commit`",
          correct: true,
          explanation:
            "`git add` marks the conflict resolved; the commit is the merge commit. (`git merge --abort` gives up instead.)",
        },
        {
          id: "commit",
          text: 'Run `git commit -am "merge"` straight away',
          explanation:
            "That would commit the conflict markers into your code. Resolve the file first.",
        },
        {
          id: "delete-branch",
          text: "Delete the `shout` branch",
          explanation:
            "The merge is still in progress on `main`; deleting the other branch does not resolve it.",
        },
        {
          id: "pull",
          text: "Run `git pull`",
          explanation:
            "Nothing here involves another repository; a pull would only add another merge.",
        },
      ],
    },
    {
      id: "rebase",
      kind: "multiple",
      prompt: "On branch `docs`, you run `git rebase main`. Which are true?",
      explanation:
        "Rebase replays your branch's commits one by one on top of another commit. The results are new commits, so rebase only branches nobody else has built on.",
      options: [
        {
          id: "replays",
          text: "`docs`'s own commits are re-applied on top of `main`'s latest commit",
          correct: true,
          explanation: "`Say how to run it` moves from an old commit to the tip of `main`.",
        },
        {
          id: "new-hashes",
          text: "The re-applied commits get new hashes",
          correct: true,
          explanation:
            "A commit's hash covers its parent, so a new parent means a new commit (`85c56de` became `bf3d6dd`).",
        },
        {
          id: "main-changes",
          text: "`main` moves to include `docs`",
          explanation:
            "Rebase moves only the branch you are on. `git merge docs` on `main` afterwards is a fast-forward.",
        },
        {
          id: "merge-commit",
          text: "It creates a merge commit",
          explanation:
            "Rebase leaves a straight line with no merge commit; that is why people use it.",
        },
      ],
    },
  ],
});

/** Every quiz of the lesson, in page order. */
export const quizzes = [
  firstSteps,
  plumbing,
  environmentAndCurl,
  commitsAndBranches,
  mergeAndRebase,
];
