using Verso.Storage;
using Verso.Testing.Contract.Review;

namespace Verso.Core.Tests.Review;

public sealed class InMemoryReviewTests : ReviewContract
{
    protected override Task<IVersionStore> CreateStoreAsync() => Task.FromResult<IVersionStore>(new InMemoryVersionStore());
}
