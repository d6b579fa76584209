using System.Buffers.Text;
using System.Text;

namespace Verso.Server.Http;

/// <summary>
/// Opaque page cursors: base64url of a short tagged text (<c>v:17</c> = "versions below 17", <c>e:alice</c> =
/// "entities after alice"). Clients pass them back as they got them; their inside may change.
/// </summary>
public static class Cursor
{
    /// <summary>The cursor of text tagged <paramref name="tag"/>.</summary>
    public static string Encode(char tag, string value) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{tag}:{value}"));

    /// <summary>Decodes a cursor of the given tag.</summary>
    /// <exception cref="ApiProblemException">400: the cursor is not one this server made for this list.</exception>
    public static string Decode(char tag, string cursor)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            if (text.Length >= 2 && text[0] == tag && text[1] == ':')
            {
                return text[2..];
            }
        }
        catch (FormatException)
        {
            // Falls through to the one message below.
        }

        throw new ApiProblemException(ApiProblem.BadRequest($"invalid cursor '{cursor}': pass back the next_cursor of an earlier page", "invalid-cursor"));
    }
}
