using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsMeta.Api.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ArticleLinksCovering : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ArticleLinks_ArticleId_Position",
                table: "ArticleLinks");

            migrationBuilder.CreateIndex(
                name: "IX_ArticleLinks_ArticleId_Position",
                table: "ArticleLinks",
                columns: new[] { "ArticleId", "Position" })
                .Annotation("Npgsql:IndexInclude", new[] { "Origin", "TargetArticleId", "Score", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ArticleLinks_ArticleId_Position",
                table: "ArticleLinks");

            migrationBuilder.CreateIndex(
                name: "IX_ArticleLinks_ArticleId_Position",
                table: "ArticleLinks",
                columns: new[] { "ArticleId", "Position" });
        }
    }
}
