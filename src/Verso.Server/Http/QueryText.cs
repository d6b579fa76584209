using System.Text;
using Microsoft.AspNetCore.Http;

namespace Verso.Server.Http;

/// <summary>
/// The query string as sent. ASP.NET Core keeps a percent-escape that does not decode to UTF-8 as the
/// literal text (<c>%FF</c> stays <c>%FF</c>), so a name with bytes that are not UTF-8 would be recorded
/// as something nobody wrote; such a parameter is refused instead, as the CLI refuses it in <c>--by</c>.
/// </summary>
internal static class QueryText
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Fails with 400 when a value of <paramref name="name"/> in the raw query is not UTF-8 once unescaped.</summary>
    /// <exception cref="ApiProblemException">400 <c>invalid-name</c>.</exception>
    public static void EnsureUtf8(HttpRequest request, string name)
    {
        var raw = request.QueryString.Value;
        if (string.IsNullOrEmpty(raw))
        {
            return;
        }

        foreach (var pair in raw.TrimStart('?').Split('&'))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0 || !string.Equals(Uri.UnescapeDataString(pair[..equals]), name, StringComparison.Ordinal))
            {
                continue;
            }

            try
            {
                _ = Strict.GetString(Unescape(pair[(equals + 1)..]));
            }
            catch (DecoderFallbackException)
            {
                throw new ApiProblemException(ApiProblem.BadRequest($"{name} is not valid UTF-8 text; check the client's encoding", "invalid-name").With("what", name));
            }
        }
    }

    // Percent-escapes to bytes, the rest as its UTF-8 ('+' is a space in a query).
    private static byte[] Unescape(string value)
    {
        var bytes = new List<byte>(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '%' && i + 2 < value.Length && Uri.IsHexDigit(value[i + 1]) && Uri.IsHexDigit(value[i + 2]))
            {
                bytes.Add(Convert.ToByte(value.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(value[i] == '+' ? " " : value[i].ToString()));
            }
        }

        return [.. bytes];
    }
}
