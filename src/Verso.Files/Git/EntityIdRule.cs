namespace Verso.Files.Git;

/// <summary>How a repository path names the entity its content is a version of.</summary>
public abstract class EntityIdRule
{
    /// <summary>
    /// The file's name without its last extension: <c>agents/alice.yaml</c> → <c>alice</c>,
    /// <c>roles/lead.v2.json</c> → <c>lead.v2</c>. Moving the file to another folder keeps the entity.
    /// </summary>
    public static EntityIdRule FileName { get; } = new FileNameRule();

    /// <summary>
    /// Squad's layout: the name of the folder that holds <c>charter.md</c>, so
    /// <c>.ai-team/agents/x/charter.md</c> and <c>.squad/agents/_alumni/x/charter.md</c> are both entity
    /// <c>x</c>. Other files name no entity.
    /// </summary>
    public static EntityIdRule SquadCharterFolder { get; } = new SquadCharterFolderRule();

    /// <summary>
    /// A Squad decision inbox file names its decision as <c>import-squad</c> does: <c>inbox-</c> and the
    /// slug of the file name, so both imports of one team name its decisions alike.
    /// </summary>
    public static EntityIdRule SquadInboxFile { get; } = new SquadInboxFileRule();

    /// <summary>
    /// A Squad team file names itself by its path under the team folder, folders joined by <c>-</c>:
    /// <c>.squad/team.md</c> → <c>team.md</c>, <c>.ai-team/casting/registry.json</c> → <c>casting-registry.json</c>.
    /// </summary>
    public static EntityIdRule SquadTeamFile { get; } = new SquadTeamFileRule();

    /// <summary>Why a path for which <see cref="IdOf"/> returns null names no entity.</summary>
    public abstract string NoIdReason { get; }

    /// <summary>
    /// The entity id <paramref name="path"/> names, before the id rule is checked; null when this rule
    /// names no entity for it.
    /// </summary>
    public abstract string? IdOf(string path);

    /// <summary>
    /// Where <paramref name="path"/> stands when several files of one tree name the same entity: the lowest
    /// number wins, and the others are shadowed. Files that tie and differ in content are ambiguous. Every
    /// path ties under <see cref="FileName"/>; the Squad rules rank <c>.squad/</c> over <c>.ai-team/</c>,
    /// then an active charter over its <c>_alumni/</c> copy.
    /// </summary>
    public virtual int PrecedenceOf(string path) => 0;

    /// <summary>Whether a file at <paramref name="path"/> keeps a retired entity (a Squad charter under <c>_alumni/</c>).</summary>
    public virtual bool IsRetired(string path) => false;

    /// <summary>Squad's precedence: <c>.squad/</c> (0) over <c>.ai-team/</c> (2) over anything else (4), and active over retired (+1).</summary>
    internal static int SquadPrecedenceOf(string path)
    {
        var folder = path.StartsWith(".squad/", StringComparison.Ordinal) ? 0 : path.StartsWith(".ai-team/", StringComparison.Ordinal) ? 2 : 4;
        return folder + (IsAlumni(path) ? 1 : 0);
    }

    internal static bool IsAlumni(string path) => path.Contains("/_alumni/", StringComparison.Ordinal);

    private sealed class FileNameRule : EntityIdRule
    {
        public override string NoIdReason => "the file has no name";

        public override string? IdOf(string path)
        {
            var name = path[(path.LastIndexOf('/') + 1)..];
            var dot = name.LastIndexOf('.');
            // ".hidden" is a name with no extension; the id rule then refuses the leading dot.
            return dot > 0 ? name[..dot] : name;
        }
    }

    private sealed class SquadCharterFolderRule : EntityIdRule
    {
        private const string Charter = "charter.md";

        public override string NoIdReason => $"not a {Charter}: the squad rule names an entity after the folder holding {Charter}";

        public override string? IdOf(string path)
        {
            var segments = path.Split('/');
            return segments.Length >= 2 && segments[^1] == Charter ? segments[^2] : null;
        }

        public override int PrecedenceOf(string path) => SquadPrecedenceOf(path);

        public override bool IsRetired(string path) => IsAlumni(path);
    }

    private sealed class SquadInboxFileRule : EntityIdRule
    {
        public override string NoIdReason => "not a Squad inbox file: a .md file";

        public override string? IdOf(string path)
        {
            var name = path[(path.LastIndexOf('/') + 1)..];
            return Squad.SquadInbox.IsFileName(name) ? Squad.SquadInbox.IdOf(name) : null;
        }

        public override int PrecedenceOf(string path) => SquadPrecedenceOf(path);
    }

    private sealed class SquadTeamFileRule : EntityIdRule
    {
        public override string NoIdReason => "not in a Squad team folder (.squad/ or .ai-team/)";

        public override string? IdOf(string path)
        {
            var slash = path.IndexOf('/', StringComparison.Ordinal);
            return slash > 0 && Squad.SquadLayout.FolderNames.Contains(path[..slash]) ? path[(slash + 1)..].Replace('/', '-') : null;
        }

        public override int PrecedenceOf(string path) => SquadPrecedenceOf(path);
    }
}
