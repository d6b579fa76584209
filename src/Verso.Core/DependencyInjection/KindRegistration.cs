using Verso.Model.Kinds;

namespace Microsoft.Extensions.DependencyInjection;

// A kind added with AddKind, collected into the KindRegistry when it is first resolved.
internal sealed record KindRegistration(EntityKind Kind);
