using Mapster;

namespace NewsMeta.Api.Common;

public static class MappingSetup
{
    /// <summary>One compiled Mapster configuration for the whole app (Mapster.DependencyInjection is not available).</summary>
    public static IServiceCollection AddMappings(this IServiceCollection services)
    {
        services.AddSingleton(CreateConfig());
        return services;
    }

    public static TypeAdapterConfig CreateConfig()
    {
        var config = new TypeAdapterConfig();
        config.Scan(typeof(MappingSetup).Assembly);
        config.Compile();
        return config;
    }
}
