using Mapster;

namespace NewsMeta.Api.Features.NamedEntities;

public sealed class EntityMappings : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<NamedEntity, EntitySummaryDto>();
        config.NewConfig<NamedEntity, EntityDto>()
            .Map(d => d.Aliases, s => s.Aliases.OrderBy(a => a.Id).Select(a => a.Name).ToList());
    }
}
