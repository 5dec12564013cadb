namespace NewsMeta.Api.Tests.Infrastructure;

/// <summary>Files the tests read from the repository, or from ../shared beside it (referenced, never copied in).</summary>
public static class RepoPaths
{
    /// <summary>The folder holding Api.sln, found above the test binaries.</summary>
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Api.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Api.sln not found above the test binaries");
    }

    /// <summary>A file under ../shared next to the repository, or null on a machine without it.</summary>
    public static string? Shared(params string[] parts)
    {
        var path = Path.Combine([Root(), "..", "shared", .. parts]);
        return File.Exists(path) ? path : null;
    }
}
