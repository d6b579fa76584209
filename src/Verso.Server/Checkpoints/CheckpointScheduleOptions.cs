namespace Verso.Server.Checkpoints;

/// <summary>
/// Where and how often <c>verso serve</c> writes checkpoints of the store (<c>--checkpoint-every</c>,
/// <c>--checkpoint-dir</c>, <c>--checkpoint-key</c>), so a team can ship them off the machine without cron.
/// </summary>
public sealed class CheckpointScheduleOptions
{
    /// <summary>How often; null writes none.</summary>
    public TimeSpan? Every { get; set; }

    /// <summary>The directory the checkpoints are written to (made when missing).</summary>
    public string? Directory { get; set; }

    /// <summary>The private key (PEM PKCS#8) that signs them; without one they are the plain text checkpoints.</summary>
    public string? KeyPath { get; set; }

    /// <summary>The file that always holds the newest checkpoint, beside the dated ones.</summary>
    public const string LatestSigned = "latest.dsse.json";

    /// <summary>The same, for unsigned checkpoints.</summary>
    public const string LatestText = "latest.txt";
}
