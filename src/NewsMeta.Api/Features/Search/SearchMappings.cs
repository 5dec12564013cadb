using Mapster;
using NewsMeta.Api.Features.Articles;

namespace NewsMeta.Api.Features.Search;

/// <summary>A search result is an article summary; score and highlights are filled in after the query.</summary>
public sealed class SearchMappings : IRegister
{
    public void Register(TypeAdapterConfig config) =>
        config.NewConfig<Article, SearchResultDto>()
            .MapSummaryMembers()
            .Ignore(d => d.Score)
            .Ignore(d => d.Highlights);
}
