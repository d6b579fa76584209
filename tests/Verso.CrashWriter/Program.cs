using System.Globalization;
using System.Text;
using Verso.Model.Kinds;
using Verso.Naming;
using Verso.Sqlite;
using Verso.Versioning;

// Usage: Verso.CrashWriter DB KIND ID FIRST
// Saves {"n":FIRST}, {"n":FIRST+1}, … to KIND/ID until killed, printing "ack VERSION HASH" after each
// save returns: an acknowledged save is one the store has committed, which is what the test checks.
if (args.Length != 4)
{
    Console.Error.WriteLine("usage: Verso.CrashWriter DB KIND ID FIRST");
    return 2;
}

var service = new VersioningService(SqliteVersionStore.ForFile(args[0]), new KindRegistry());
var key = EntityKey.Create(args[1], args[2]);
var options = new SaveOptions("crash-writer");
using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = true };
for (var n = long.Parse(args[3], CultureInfo.InvariantCulture); ; n++)
{
    var json = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $$"""{"n":{{n}},"padding":"{{new string('x', (int)(n % 4096))}}"}"""));
    var result = await service.SaveAsync(key, json, options);
    stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ack {result.Head.Version} {result.Head.Hash}"));
}
