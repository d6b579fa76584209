namespace Verso.Server.Page;

/// <summary>One file of the page, read once from the assembly's manifest resources.</summary>
/// <param name="Name">The name the page's sources use, e.g. <c>main.js</c>.</param>
/// <param name="HashedName">The name it is served under, with its content hash, e.g. <c>main.3fa2b1c4d5e6.js</c>.</param>
/// <param name="ContentType">The media type sent with it.</param>
/// <param name="Bytes">The file's content.</param>
internal sealed record PageAsset(string Name, string HashedName, string ContentType, ReadOnlyMemory<byte> Bytes);
