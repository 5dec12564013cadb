using NewsMeta.Api.Common.OpenApi;
using NewsMeta.Api.Features.NamedEntities;

namespace NewsMeta.Api.Features.Facets;

/// <summary>OpenAPI examples of GET /articles/facets: counts over the articles about the 2026 budget.</summary>
public static class FacetExamples
{
    public static OperationExamples Facets { get; } = new()
    {
        Parameters = { ["q"] = "موازنة", ["size"] = 3 },
        Responses =
        {
            [200] = new("Counts over every matching article", new FacetsDto
            {
                Total = 2,
                Entities =
                [
                    new EntityFacetDto
                    {
                        Type = EntityType.Person,
                        Values = [new FacetValueDto { Id = 1, Name = "يوسف الحداد", Count = 2 }, new FacetValueDto { Id = 2, Name = "ليلى المنصوري", Count = 2 }],
                    },
                    new EntityFacetDto { Type = EntityType.Organization, Values = [new FacetValueDto { Id = 3, Name = "برلمان زهران", Count = 2 }] },
                ],
                Keywords = [new FacetValueDto { Id = 1, Name = "موازنة 2026", Count = 2 }, new FacetValueDto { Id = 3, Name = "المالية العامة", Count = 2 }],
                Sources = [new FacetValueDto { Id = 1, Name = "صحيفة الشروق اليومية", Count = 2 }],
                Credits = [new FacetValueDto { Id = 2, Name = "وكالة زهران للأنباء", Count = 2 }],
                Languages = [new FacetValueDto { Name = "ar", Count = 2 }],
                PublishedPerDay = [new FacetValueDto { Name = "2026-01-12", Count = 1 }, new FacetValueDto { Name = "2026-03-10", Count = 1 }],
            }),
            [400] = ProblemExamples.Invalid("Paging a facet count", "limit", "facets count the whole matching set: use size for the number of values per facet"),
        },
    };
}
