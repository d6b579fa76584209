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

    /// <summary>Why a path for which <see cref="IdOf"/> returns null names no entity.</summary>
    public abstract string NoIdReason { get; }

    /// <summary>
    /// The entity id <paramref name="path"/> names, before the id rule is checked; null when this rule
    /// names no entity for it.
    /// </summary>
    public abstract string? IdOf(string path);

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
    }

    private sealed class SquadInboxFileRule : EntityIdRule
    {
        public override string NoIdReason => "not a Squad inbox file: a .md file";

        public override string? IdOf(string path)
        {
            var name = path[(path.LastIndexOf('/') + 1)..];
            return Squad.SquadInbox.IsFileName(name) ? Squad.SquadInbox.IdOf(name) : null;
        }
    }
}
