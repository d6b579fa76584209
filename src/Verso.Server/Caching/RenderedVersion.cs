namespace Verso.Server.Caching;

// One rendered version: the stamp it was read at, its quoted ETag and its JSON body.
internal sealed record RenderedVersion(string Stamp, string ETag, ReadOnlyMemory<byte> Body);
