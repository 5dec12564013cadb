namespace NewsMeta.Api.Common.WarmUp;

/// <summary>
/// The application's request pipeline, as the server runs it from routing on, captured while the pipeline is
/// built (<see cref="WarmUpSetup.UseWarmUpCapture"/>) so the warm-up can send requests through it in-process.
/// </summary>
public sealed class WarmUpPipeline
{
    public RequestDelegate? Next { get; set; }
}
