using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Verso.Server.Http;

namespace Verso.Server.Hosting;

/// <summary>
/// The output of one Kestrel connection, passed through unchanged except for the answers Kestrel writes
/// itself when it refuses a request before any middleware runs (a NUL in the path, a request line over
/// its limit, headers over theirs, a bad Host): those leave with an empty body, which this turns into the
/// API's problem+json with <c>nosniff</c>. Recognized by their shape: a 4xx or 5xx head with
/// <c>Content-Length: 0</c> and <c>Connection: close</c> at the start of a flush, which the API itself never
/// writes (every error it answers has a problem body).
/// </summary>
internal sealed class RejectionProblemPipe(IDuplexPipe inner) : IDuplexPipe
{
    public PipeReader Input => inner.Input;

    public PipeWriter Output { get; } = new Writer(inner.Output);

    private sealed class Writer(PipeWriter inner) : PipeWriter
    {
        private static readonly byte[] StatusStart = "HTTP/1.1 "u8.ToArray();
        private static readonly byte[] EmptyBody = "\r\nContent-Length: 0\r\n"u8.ToArray();
        private static readonly byte[] Close = "\r\nConnection: close\r\n"u8.ToArray();

        private readonly ArrayBufferWriter<byte> _pending = new(4096);

        public override void Advance(int bytes) => _pending.Advance(bytes);

        public override Memory<byte> GetMemory(int sizeHint = 0) => _pending.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => _pending.GetSpan(sizeHint);

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        // System.Text.Json asks, when it serializes straight into the response, how much is waiting to be flushed;
        // Kestrel forwards the question to this pipe, which must answer it (the bytes held here and below).
        public override bool CanGetUnflushedBytes => true;

        public override long UnflushedBytes => _pending.WrittenCount + (inner.CanGetUnflushedBytes ? inner.UnflushedBytes : 0);

        public override void Complete(Exception? exception = null)
        {
            Pass();
            inner.Complete(exception);
        }

        public override async ValueTask CompleteAsync(Exception? exception = null)
        {
            Pass();
            await inner.CompleteAsync(exception).ConfigureAwait(false);
        }

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
        {
            Pass();
            return inner.FlushAsync(cancellationToken);
        }

        // Hands what was written to the connection, as Kestrel wrote it or, for its own refusal, with a problem body.
        private void Pass()
        {
            if (_pending.WrittenCount == 0)
            {
                return;
            }

            var written = _pending.WrittenSpan;
            inner.Write(IsRejection(written, out var status) ? WithProblem(written, status) : written);
            _pending.ResetWrittenCount();
        }

        private static bool IsRejection(ReadOnlySpan<byte> written, out int status)
        {
            status = 0;
            var headEnd = written.IndexOf("\r\n\r\n"u8);
            if (!written.StartsWith(StatusStart) || headEnd < 0 || headEnd + 4 != written.Length || written.Length < StatusStart.Length + 3)
            {
                return false;
            }

            var head = written[..(headEnd + 2)];
            var code = written.Slice(StatusStart.Length, 3);
            status = (code[0] - '0') * 100 + (code[1] - '0') * 10 + (code[2] - '0');
            return status is >= 400 and < 600 && head.IndexOf(EmptyBody) >= 0 && head.IndexOf(Close) >= 0;
        }

        private static byte[] WithProblem(ReadOnlySpan<byte> head, int status)
        {
            var problem = ApiProblem.ForStatus(status);
            var detail = status switch
            {
                400 => "the request line or a header is malformed (a control character in the path, a bad Host); the server refused it before reading it",
                414 => "the request line (method, path and query) is longer than the server accepts",
                431 => "the request headers are larger than the server accepts",
                _ => problem.Detail,
            };
            var body = Contracts.VersoJson.ToUtf8Bytes(Wire.WireProblems.Of(problem with { Detail = detail }));

            var text = Encoding.ASCII.GetString(head[..^2]);
            var headers = $"\r\nContent-Type: {ProblemWriter.ContentType}\r\nContent-Length: {body.Length}\r\nX-Content-Type-Options: nosniff\r\nCache-Control: no-store\r\n";
            var rewritten = Encoding.ASCII.GetBytes(text.Replace("\r\nContent-Length: 0\r\n", headers, StringComparison.Ordinal) + "\r\n");
            return [.. rewritten, .. body];
        }
    }
}
