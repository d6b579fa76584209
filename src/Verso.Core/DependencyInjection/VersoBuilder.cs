namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Returned by <see cref="VersoServiceCollectionExtensions.AddVerso"/>; each backend adds a <c>Use…</c>
/// method to it (e.g. <c>UseSqlite</c>) that registers its <see cref="Verso.Storage.IVersionStore"/>.
/// </summary>
/// <param name="Services">The service collection Verso is registered in.</param>
public sealed record VersoBuilder(IServiceCollection Services);
