using System.CommandLine;
using Spectre.Console;
using Verso.Cli.Infrastructure;
using Verso.Naming;
using Verso.Server.Security;

namespace Verso.Cli.Commands;

/// <summary>
/// <c>verso token add NAME --role reader|writer|admin [--kind K …] [--act-as] [--by WHO]</c>, <c>verso token list</c>,
/// <c>verso token revoke NAME [--by WHO]</c>: the bearer tokens of <c>verso serve</c>, kept hashed in the store.
/// </summary>
internal static class TokenCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var command = new Command("token", "manage the bearer tokens of 'verso serve' (kept hashed in the store)");
        command.Subcommands.Add(Add(globals, console));
        command.Subcommands.Add(List(globals, console));
        command.Subcommands.Add(Revoke(globals, console));
        return command;
    }

    // The same author as every other change (--by, $VERSO_USER, git's user.name, the login name), so `token list`
    // names the person a save by them would.
    private static Option<string?> By() => Author.Option("who makes the change (kept with the token's version)");

    private static Command Add(GlobalOptions globals, CliConsole console)
    {
        var name = new Argument<string>("NAME") { Description = "the token's name, recorded as saved_by" };
        var role = new Option<string>("--role") { Description = "reader, writer or admin", Required = true };
        role.AcceptOnlyFromAmong("reader", "writer", "admin");
        var kinds = new Option<string[]>("--kind") { Description = "limit the token to this kind (repeatable)", HelpName = "K", AllowMultipleArgumentsPerToken = false };
        var actAs = new Option<bool>("--act-as") { Description = "may name another saved_by; versions record both" };
        var by = By();
        var command = new Command("add", "make a token and print it once") { name, role, kinds, actAs, by };
        CommandAction.Set(command, globals, console, async (context, cancellationToken) =>
        {
            var parse = context.ParseResult;
            var tokenName = parse.GetRequiredValue(name);
            if (!EntityKey.IsValidId(tokenName))
            {
                throw new UsageException($"invalid token name '{tokenName}': use 1-128 of A-Z a-z 0-9 . _ -, starting with a letter or digit");
            }

            var tokens = new TokenStore(context.Store);
            var (record, token) = await tokens.AddAsync(
                tokenName, TokenRecord.ParseRole(parse.GetRequiredValue(role))!.Value, parse.GetValue(kinds) ?? [], parse.GetValue(actAs), await Author.ResolveAsync(context, by, cancellationToken), cancellationToken);
            if (context.Json)
            {
                JsonOutput.Write(console, writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteString("name", record.Name);
                    writer.WriteString("role", Caller.Describe(record.Role));
                    writer.WriteString("token", token);
                    writer.WriteEndObject();
                });
            }
            else
            {
                console.Out.WriteLine(token);
                console.Error.WriteLine($"verso: made {Caller.Describe(record.Role)} token '{record.Name}'{(record.Kinds.IsEmpty ? "" : " for kinds " + string.Join(", ", record.Kinds))}{(record.ActAs ? ", act-as" : "")}; it is shown only now");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(GlobalOptions globals, CliConsole console)
    {
        var command = new Command("list", "list the tokens (never their secrets)");
        CommandAction.Set(command, globals, console, async (context, cancellationToken) =>
        {
            var list = await new TokenStore(context.Store).ListAsync(cancellationToken);
            if (context.Json)
            {
                JsonOutput.Write(console, writer =>
                {
                    writer.WriteStartArray();
                    foreach (var (record, version) in list)
                    {
                        writer.WriteStartObject();
                        Server.Endpoints.TokenJson.Write(writer, record, version);
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                });
                return ExitCodes.Ok;
            }

            var table = new Table().Border(TableBorder.Simple).AddColumns("name", "role", "kinds", "act_as", "state", "changed_by", "changed_at");
            foreach (var (record, version) in list)
            {
                table.AddRow(
                    Markup.Escape(record.Name), Caller.Describe(record.Role), Markup.Escape(record.Kinds.IsEmpty ? "*" : string.Join(",", record.Kinds)),
                    record.ActAs ? "yes" : "", record.Revoked ? "revoked" : "active", Markup.Escape(version.SavedBy), Timestamps.ForTable(version.SavedAt));
            }

            console.Ansi.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Revoke(GlobalOptions globals, CliConsole console)
    {
        var name = new Argument<string>("NAME") { Description = "the token to revoke" };
        var by = By();
        var command = new Command("revoke", "revoke a token: every server refuses it from the next request on") { name, by };
        CommandAction.Set(command, globals, console, async (context, cancellationToken) =>
        {
            var revokedBy = await Author.ResolveAsync(context, by, cancellationToken);
            var record = await new TokenStore(context.Store).RevokeAsync(context.ParseResult.GetRequiredValue(name), revokedBy, cancellationToken);
            console.Out.WriteLine($"revoked token '{record.Name}'");
            return ExitCodes.Ok;
        });
        return command;
    }
}
