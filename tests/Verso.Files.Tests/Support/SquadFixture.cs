using System.Text;

namespace Verso.Files.Tests.Support;

/// <summary>A Squad team folder built in the test, in the published template's shape, with odd bytes on purpose.</summary>
internal static class SquadFixture
{
    public const string Dallas = """
        # Dallas — Lead

        > Keeps the scope honest and the architecture boring.

        ## Identity

        - **Name:** Dallas
        - **Role:** Lead
        - **Expertise:** architecture, code review, scope calls
        - **Style:** Direct. Decides fast, writes the decision down.

        ## What I Own

        - Architecture decisions
        - Code review of every pull request

        ## How I Work

        - Read `.squad/decisions.md` before starting.
        - Prefer the smallest change that solves the problem.

        ## Boundaries

        **I handle:** architecture, scope, review

        **I don't handle:** tests (Lambert), docs (Kane)

        **When I'm unsure:** I say so and suggest who might know.

        ## Model

        - **Preferred:** claude-sonnet-4
        - **Rationale:** writes and reviews code
        - **Fallback:** claude-haiku-4

        ## Collaboration

        Before starting work, read `.squad/decisions.md` for team decisions that affect me.
        After making a decision others should know, write it to `.squad/decisions/inbox/dallas-{brief-slug}.md`.

        ## Voice

        Opinionated about scope. Will push back on gold plating.

        """;

    /// <summary>Ripley's charter uses CRLF and has no final newline.</summary>
    public static readonly string Ripley = string.Join("\r\n",
        "# Ripley — Backend Dev",
        "",
        "> Ships the core library; distrusts clever code.",
        "",
        "## Identity",
        "",
        "- **Name:** Ripley",
        "- **Role:** Backend Dev",
        "- **Expertise:** C#, SQLite; CLI design",
        "- **Style:** Thorough. Cites file and line.",
        "",
        "## What I Own",
        "",
        "- Core library, CLI commands",
        "",
        "## How I Work",
        "",
        "- Tests first  ",
        "",
        "## Boundaries",
        "",
        "**I handle:** backend",
        "",
        "## Model",
        "",
        "- **Preferred:** auto",
        "",
        "## Collaboration",
        "",
        "Read `.squad/decisions.md` first.",
        "",
        "## Voice",
        "",
        "Quiet. Will not merge without tests.");

    /// <summary>Lambert's charter starts with a byte order mark and is full of non-ASCII and emoji.</summary>
    public const string Lambert = "\uFEFF# Lambert — Tester 🧪\n\n> Zoë-level paranoia about edge cases — « rien n'est sûr ».\n\n## Identity\n\n- **Name:** Lambert\n- **Role:** Tester\n- **Expertise:** property tests, 日本語 input, emoji 🚀\n- **Style:** Skeptical ✅\n\n## What I Own\n\n- Quality gates\n\n## Model\n\n- **Preferred:** gpt-5\n\n## Voice\n\nThinks 80% coverage is the floor.\n";

    /// <summary>The scribe's charter states almost nothing.</summary>
    public const string Scribe = "# Scribe\n\nKeeps the log.\n";

    public static readonly string Decisions = string.Concat(
        "# Squad Decisions\n\n## Active Decisions\n\n",
        "### 2025-07-10: Vue app structure decided\n**By:** Trinity\n**What:** Vue 3 + TypeScript + Vite.\n**Why:** Per user requirement.\n\n",
        "### 2025-07-16: CORS configured for Vue.js frontend\r\n**By:** Morpheus\r\n**What:** Added CORS policy.\r\n**Why:** The browser enforces CORS.\r\n\r\n---\r\n\r\n",
        "### User directive — layout rules are errors on day 1\n\n**Date:** 2026-05-22T03:32:09-07:00\n**By:** yashas (via Copilot)\n\n```sh\n### not a heading inside a fence\n# nor this\n```\n\n",
        "### 2025-07-10: Vue app structure decided\n**By:** Trinity\n**What:** Same title, same day: a second entry.\n\n",
        "## Archived Decisions\n\n",
        "### 2024-12-01: Use emoji in commit titles 🎉\n**By:** Kane\n**What:** ✨ for features, 🐛 for fixes.");

    public const string InboxCors = "# Decision: CI Pipeline Configuration\n\n**By:** Lucius (DevOps Engineer)\n**Date:** 2026-02-16\n\n## What\n\nCreated the CI workflow.\n";

    public const string InboxEmoji = "### 2026-03-01: Ship it 🚀\n**By:** Ash\r\nNo final newline, CRLF in the middle";

    /// <summary>Writes the team folder under <paramref name="repository"/> and returns every file by its path in the repository.</summary>
    public static SortedDictionary<string, byte[]> Write(string repository, string folder = ".squad")
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [$"{folder}/agents/dallas/charter.md"] = Utf8(Dallas),
            [$"{folder}/agents/ripley/charter.md"] = Utf8(Ripley),
            [$"{folder}/agents/lambert/charter.md"] = Utf8(Lambert),
            [$"{folder}/agents/scribe/charter.md"] = Utf8(Scribe),
            [$"{folder}/decisions.md"] = Utf8(Decisions),
            [$"{folder}/decisions/inbox/lucius-ci-pipeline.md"] = Utf8(InboxCors),
            [$"{folder}/decisions/inbox/ash-ship-it.md"] = Utf8(InboxEmoji),
        };
        foreach (var (path, bytes) in files)
        {
            var full = Path.Combine(repository, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, bytes);
        }

        // Squad keeps retired agents and other files here too; they are not charters of the team.
        Directory.CreateDirectory(Path.Combine(repository, folder, "agents", "_alumni"));
        File.WriteAllText(Path.Combine(repository, folder, "agents", "dallas", "history.md"), "# History\n");
        return files;
    }

    /// <summary>UTF-8 without a byte order mark: a charter's own U+FEFF is its first character, written as its three bytes.</summary>
    public static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);
}
