using System.Text.Json;

namespace Verso.ScaleLoad;

// After the load: what each instance answers must agree with every acknowledgement and with every other instance.
internal static class Checks
{
    public static async Task<List<string>> RunAsync(IReadOnlyList<Instance> instances, IReadOnlyList<ChangeStream> streams, Load load, string[] targets, int entities)
    {
        var problems = new List<string>();
        var acknowledged = load.Acknowledged.ToList();
        if (acknowledged.Count == 0)
        {
            problems.Add("no save was acknowledged");
        }
        foreach (var group in acknowledged.GroupBy(a => (a.Id, a.Version)).Where(g => g.Count() > 1))
        {
            problems.Add($"doc/{group.Key.Id}@{group.Key.Version} was acknowledged to {group.Count()} saves");
        }

        for (var e = 0; e < entities; e++)
        {
            var id = load.EntityId(e);
            var acks = acknowledged.Where(a => a.Id == id).ToDictionary(a => a.Version, a => a.Hash);
            foreach (var instance in instances)
            {
                var history = await HistoryAsync(instance.Client, id);
                var expected = Enumerable.Range(1, history.Count).Reverse();
                if (!history.Select(h => h.Version).SequenceEqual(expected))
                {
                    problems.Add($"#{instance.Number + 1}: doc/{id}'s versions are not 1..{history.Count} without a gap");
                }

                if (history.Count != acks.Count || history.Any(h => acks.GetValueOrDefault(h.Version) != h.Hash))
                {
                    problems.Add($"#{instance.Number + 1}: doc/{id} holds {history.Count} versions, {acks.Count} were acknowledged, or a hash differs");
                }
            }
        }

        foreach (var target in targets.Concat(Enumerable.Range(0, entities).Select(e => $"doc/{load.EntityId(e)}")))
        {
            var heads = new HashSet<string>();
            foreach (var instance in instances)
            {
                using var response = await instance.Client.GetAsync($"/api/v1/entities/{target}");
                heads.Add($"{(int)response.StatusCode} {response.Headers.ETag}");
            }

            if (heads.Count != 1)
            {
                problems.Add($"{target}: the instances answer different heads: {string.Join(", ", heads)}");
            }
        }

        // Each stream has heard every save once the newest has reached it; a missing one is reported after 60 s.
        for (var wait = 0; wait < 600 && streams.Any(s => s.Heard.Count < acknowledged.Count); wait++)
        {
            await Task.Delay(100);
        }

        for (var s = 0; s < streams.Count; s++)
        {
            var heard = streams[s].Heard;
            var missing = acknowledged.Count(a => !heard.TryGetValue($"doc/{a.Id}@{a.Version}", out var h) || h.Hash != a.Hash);
            var twice = heard.Values.Count(h => h.Count > 1);
            if (missing > 0 || twice > 0 || heard.Count != acknowledged.Count)
            {
                problems.Add($"stream on #{s + 1}: {missing} saves missing or with another hash, {twice} heard twice, {heard.Count} heard of {acknowledged.Count}");
            }
        }

        return problems;
    }

    private static async Task<List<(int Version, string Hash)>> HistoryAsync(HttpClient client, string id)
    {
        var versions = new List<(int, string)>();
        string? cursor = null;
        do
        {
            using var response = await client.GetAsync($"/api/v1/entities/doc/{id}/versions?limit=500{(cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))}");
            if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                // Never saved in a short run.
                return versions;
            }

            response.EnsureSuccessStatusCode();
            using var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            versions.AddRange(page.RootElement.GetProperty("items").EnumerateArray().Select(v => (v.GetProperty("version").GetInt32(), v.GetProperty("hash").GetString()!)));
            cursor = page.RootElement.GetProperty("next_cursor").GetString();
        }
        while (cursor is not null);
        return versions;
    }
}
