using System.Globalization;

namespace NewsMeta.Api.Common.Paging;

/// <summary>Parses <c>limit</c> (1–100, default 20) and reports bad values as field errors.</summary>
public static class PageLimits
{
    public const int Default = 20;
    public const int Max = 100;

    public static int Parse(string? limit, QueryErrors errors)
    {
        if (string.IsNullOrEmpty(limit))
        {
            return Default;
        }

        if (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value is < 1 or > Max)
        {
            errors.Add("limit", $"must be a whole number from 1 to {Max}");
            return Default;
        }

        return value;
    }
}
