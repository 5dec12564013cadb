using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Text;

namespace NewsMeta.Api.Features.Ingestion;

/// <summary>One line of an NDJSON stream: its text, or null when it was longer than the limit (then never held whole).</summary>
public readonly record struct NdjsonLine(int Number, string? Text, long BytesRead);

/// <summary>
/// Splits a stream into lines without ever holding more than the given number of bytes of one line
/// (StreamReader.ReadLine builds the whole line first: one 60 MB line without a newline cost hundreds of
/// megabytes before it could be refused). A longer line is skipped as it streams past and reported with
/// a null text. Invalid UTF-8 becomes U+FFFD, for the caller to refuse.
/// </summary>
public static class NdjsonLineReader
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static async IAsyncEnumerable<NdjsonLine> ReadAsync(Stream input, int maxLineBytes, [EnumeratorCancellation] CancellationToken ct)
    {
        var reader = PipeReader.Create(input, new StreamPipeReaderOptions(bufferSize: 1 << 16, leaveOpen: true));
        try
        {
            var number = 0;
            long bytesRead = 0;
            var skipping = false; // inside a line already known to be too long
            while (true)
            {
                var result = await reader.ReadAsync(ct);
                var buffer = result.Buffer;
                while (buffer.PositionOf((byte)'\n') is { } newline)
                {
                    var line = buffer.Slice(0, newline);
                    bytesRead += line.Length + 1;
                    buffer = buffer.Slice(buffer.GetPosition(1, newline));
                    yield return new NdjsonLine(++number, skipping || line.Length > maxLineBytes ? null : Decode(line), bytesRead);
                    skipping = false;
                }

                if (result.IsCompleted)
                {
                    if (skipping || buffer.Length > 0)
                    {
                        bytesRead += buffer.Length;
                        yield return new NdjsonLine(++number, skipping || buffer.Length > maxLineBytes ? null : Decode(buffer), bytesRead);
                    }

                    yield break;
                }

                if (skipping || buffer.Length > maxLineBytes)
                {
                    // Too long already: drop what arrived and keep dropping up to the next newline.
                    skipping = true;
                    bytesRead += buffer.Length;
                    buffer = buffer.Slice(buffer.End);
                }

                reader.AdvanceTo(buffer.Start, buffer.End);
            }
        }
        finally
        {
            await reader.CompleteAsync();
        }
    }

    private static string Decode(ReadOnlySequence<byte> line)
    {
        var text = Utf8.GetString(line);
        return text.EndsWith('\r') ? text[..^1] : text;
    }
}
