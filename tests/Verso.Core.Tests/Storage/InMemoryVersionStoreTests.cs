using Verso.Storage;
using Verso.Testing.Contract;

namespace Verso.Core.Tests.Storage;

public sealed class InMemoryVersionStoreTests : VersionStoreContract
{
    protected override Task<IVersionStore> CreateStoreAsync() => Task.FromResult<IVersionStore>(new InMemoryVersionStore());
}
