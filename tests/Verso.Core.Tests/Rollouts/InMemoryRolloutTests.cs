using Verso.Storage;
using Verso.Testing.Contract.Rollouts;

namespace Verso.Core.Tests.Rollouts;

public sealed class InMemoryRolloutTests : RolloutContract
{
    protected override Task<IVersionStore> CreateStoreAsync() => Task.FromResult<IVersionStore>(new InMemoryVersionStore());
}
