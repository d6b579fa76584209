using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace Verso.Server.Tests.Guards;

/// <summary>
/// Each package's public API as an approved file (after Serilog's <c>ApiApprovalTests</c>): a change to what
/// users can call shows in review as a change to <c>api/&lt;package&gt;.txt</c>, never by accident. Set
/// <c>VERSO_GOLDEN_UPDATE=1</c> to write the files again after a change that is meant.
/// </summary>
public sealed class PublicApiTests
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static TheoryData<string> Packages() =>
    [
        "Verso.Core", "Verso.Contracts", "Verso.Storage.Relational", "Verso.Sqlite", "Verso.Postgres",
        "Verso.Agents", "Verso.Files", "Verso.Server.Http", "Verso.Server", "Verso.Agents.Http", "Verso.Client",
    ];

    [Theory]
    [MemberData(nameof(Packages))]
    public void ThePublicApiIsTheApprovedOne(string package)
    {
        var actual = Describe(Assembly.Load(package));
        var file = Path.Combine(SourceFolder(), "api", package + ".txt");
        if (Environment.GetEnvironmentVariable("VERSO_GOLDEN_UPDATE") == "1")
        {
            File.WriteAllText(file, actual);
        }

        Assert.True(File.Exists(file), $"no approved API for {package}: run once with VERSO_GOLDEN_UPDATE=1 and review it");
        Assert.Equal(File.ReadAllText(file), actual);
    }

    [Fact]
    public void TheDescriptionNamesEveryPublicTypeAndMember()
    {
        // The check must notice a new public member, not only a new type.
        var described = Describe(typeof(PublicApiTests).Assembly);

        Assert.Contains("Verso.Server.Tests.Guards.PublicApiTests", described, StringComparison.Ordinal);
        Assert.Contains("ThePublicApiIsTheApprovedOne(System.String)", described, StringComparison.Ordinal);
    }

    internal static string Describe(Assembly assembly)
    {
        var text = new StringBuilder();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            text.Append(Kind(type)).Append(' ').Append(type.FullName);
            var bases = new[] { type.BaseType }.Where(b => b is not null && b != typeof(object) && b != typeof(ValueType) && b != typeof(Enum))
                .Concat(type.GetInterfaces().OrderBy(i => i.ToString(), StringComparer.Ordinal)).Select(b => b!.ToString()).ToList();
            if (bases.Count > 0)
            {
                text.Append(" : ").AppendJoin(", ", bases);
            }

            text.Append('\n');
            var members = type.GetMembers(Declared)
                .Where(IsVisible)
                .Where(m => m is not Type)
                .Select(m => "    " + Describe(m))
                .Order(StringComparer.Ordinal);
            foreach (var member in members)
            {
                text.Append(member).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Kind(Type type) =>
        type.IsInterface ? "interface" : type.IsEnum ? "enum" : type.IsValueType ? "struct" : type.IsAbstract && type.IsSealed ? "static class" : type.IsAbstract ? "abstract class" : type.IsSealed ? "sealed class" : "class";

    private static bool IsVisible(MemberInfo member) => member switch
    {
        MethodBase method => (method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly) && !(method.IsSpecialName && (method.Name.StartsWith("get_", StringComparison.Ordinal) || method.Name.StartsWith("set_", StringComparison.Ordinal) || method.Name.StartsWith("add_", StringComparison.Ordinal) || method.Name.StartsWith("remove_", StringComparison.Ordinal))),
        FieldInfo field => field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly,
        PropertyInfo property => property.GetAccessors(true).Any(a => a.IsPublic || a.IsFamily || a.IsFamilyOrAssembly),
        EventInfo info => info.AddMethod is { } add && (add.IsPublic || add.IsFamily),
        _ => false,
    };

    private static string Describe(MemberInfo member) => member switch
    {
        ConstructorInfo constructor => $"ctor({Parameters(constructor)})",
        MethodInfo method => $"{(method.IsStatic ? "static " : string.Empty)}{(method.IsAbstract ? "abstract " : method.IsVirtual && !method.IsFinal ? "virtual " : string.Empty)}{method.ReturnType} {method.Name}{Generic(method)}({Parameters(method)})",
        PropertyInfo property => $"{property.PropertyType} {property.Name} {{ {string.Join(' ', property.GetAccessors(true).Where(a => a.IsPublic || a.IsFamily || a.IsFamilyOrAssembly).Select(Accessor).Order(StringComparer.Ordinal))} }}",
        FieldInfo field => $"{(field.IsLiteral ? "const " : field.IsStatic ? "static " : string.Empty)}{(field.IsInitOnly ? "readonly " : string.Empty)}{field.FieldType} {field.Name}{(field.IsLiteral ? " = " + field.GetRawConstantValue() : string.Empty)}",
        EventInfo info => $"event {info.EventHandlerType} {info.Name}",
        _ => member.ToString() ?? member.Name,
    };

    private static string Accessor(MethodInfo accessor) =>
        accessor.Name.StartsWith("get_", StringComparison.Ordinal) ? "get;"
        : accessor.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)) ? "init;" : "set;";

    private static string Generic(MethodInfo method) =>
        method.IsGenericMethodDefinition ? "<" + string.Join(", ", method.GetGenericArguments().Select(a => a.Name)) + ">" : string.Empty;

    private static string Parameters(MethodBase method) =>
        string.Join(", ", method.GetParameters().Select(p => (p.IsOut ? "out " : p.ParameterType.IsByRef ? "ref " : string.Empty) + p.ParameterType + (p.HasDefaultValue ? " = " + (p.DefaultValue ?? "null") : string.Empty)));

    private static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
