namespace NewsMeta.Api.Common.OpenApi;

/// <summary>
/// Who answers for a deployment's API and on what terms (configuration section <c>OpenApi</c>): shown in the
/// document's info, which partners and their generated clients read. The defaults name the project's own
/// placeholder domain; a deployment that partners use sets its own.
/// </summary>
public sealed class OpenApiDocumentOptions
{
    public const string Section = "OpenApi";

    public string ContactName { get; set; } = "NewsMeta API team";
    public string ContactEmail { get; set; } = "api@newsmeta.example";
    public Uri ContactUrl { get; set; } = new("https://newsmeta.example/support");
    public string LicenseName { get; set; } = "Proprietary: partner terms of use";
    public Uri LicenseUrl { get; set; } = new("https://newsmeta.example/terms");
}
