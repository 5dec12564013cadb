namespace NewsMeta.Api.Common.WarmUp;

/// <summary>
/// Marks a request the instance sends itself while warming up. Only code in this process can set a feature,
/// so no client can claim it: such a request spends no caller's rate budget and neither reads nor fills the
/// response cache (the point is to run the real read path).
/// </summary>
public sealed class WarmUpRequest
{
    public static readonly WarmUpRequest Instance = new();

    private WarmUpRequest()
    {
    }

    public static bool IsWarmUp(HttpContext http) => http.Features.Get<WarmUpRequest>() is not null;
}
