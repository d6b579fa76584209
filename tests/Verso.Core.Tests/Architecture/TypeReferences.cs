using System.Reflection;
using System.Reflection.Emit;

namespace Verso.Core.Tests.Architecture;

/// <summary>Every type a type names: base, interfaces, fields, signatures, attributes, and the types and members its method bodies use.</summary>
internal static class TypeReferences
{
    private const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    public static IEnumerable<Type> Of(Type type)
    {
        var found = new HashSet<Type>();
        Add(found, type.BaseType);
        foreach (var item in type.GetInterfaces())
        {
            Add(found, item);
        }

        foreach (var field in type.GetFields(Everything))
        {
            Add(found, field.FieldType);
        }

        foreach (var property in type.GetProperties(Everything))
        {
            Add(found, property.PropertyType);
        }

        foreach (var method in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
        {
            if (method is MethodInfo info)
            {
                Add(found, info.ReturnType);
            }

            foreach (var parameter in method.GetParameters())
            {
                Add(found, parameter.ParameterType);
            }

            foreach (var used in BodyReferences(method))
            {
                Add(found, used);
            }
        }

        // Nested types (closures, state machines of async methods) belong to the type that declares them.
        foreach (var nested in type.GetNestedTypes(Everything))
        {
            found.UnionWith(Of(nested));
        }

        return found;
    }

    private static void Add(HashSet<Type> found, Type? type)
    {
        if (type is null || !found.Add(type))
        {
            return;
        }

        if (type.HasElementType)
        {
            Add(found, type.GetElementType());
        }

        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments())
            {
                Add(found, argument);
            }
        }
    }

    // Walks the IL and resolves each type, field and method token it finds.
    private static IEnumerable<Type> BodyReferences(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var module = method.Module;
        var typeArguments = method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var position = 0;
        while (position < il.Length)
        {
            var value = (short)il[position++];
            if (value == 0xFE)
            {
                value = (short)(0xFE00 | il[position++]);
            }

            var opCode = OpCodesByValue[value];
            switch (opCode.OperandType)
            {
                case OperandType.InlineType:
                case OperandType.InlineTok:
                case OperandType.InlineMethod:
                case OperandType.InlineField:
                    var token = BitConverter.ToInt32(il, position);
                    var member = Resolve(module, token, typeArguments, methodArguments);
                    if (member is Type resolved)
                    {
                        yield return resolved;
                    }
                    else if (member?.DeclaringType is { } declaring)
                    {
                        yield return declaring;
                    }

                    position += 4;
                    break;
                case OperandType.InlineSwitch:
                    position += 4 + (4 * BitConverter.ToInt32(il, position));
                    break;
                default:
                    position += Size(opCode.OperandType);
                    break;
            }
        }
    }

    private static MemberInfo? Resolve(Module module, int token, Type[]? typeArguments, Type[]? methodArguments)
    {
        try
        {
            return module.ResolveMember(token, typeArguments, methodArguments);
        }
        catch (ArgumentException)
        {
            // A token of another generic context than the one given; what it names is also in a signature.
            return null;
        }
    }

    private static int Size(OperandType operand) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };
}
