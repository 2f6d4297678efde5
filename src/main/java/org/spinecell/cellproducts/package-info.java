/**
 * Cell products from donor or patient to needle: the source of the cells (autologous bone marrow
 * or fat, allogeneic donors, birth tissue, embryonic-stem-cell- and iPSC-derived or engineered
 * products), the donor, the harvest, each processing step, quality-control results measured
 * against a release specification, release with an electronic signature, the chain of custody
 * from collection until the product is administered or discarded, ISBT 128 donation
 * identification numbers and the printed product label (PDF with Code 128 and Data Matrix
 * symbols), and the explainable classification of each product on the
 * FDA regulatory pathway of 21 CFR 1271 (exempt, not an HCT/P, section 361 or section 351).
 * <p>
 * The root holds what other modules use: the product and donor records and their value types, the
 * use-case services and their requests. Its sub-packages:
 * <ul>
 * <li>{@code lab}: the cell lab's pages (worklist, registration, the product page with its
 * processing, QC, custody, classification and release forms);</li>
 * <li>{@code release}: QC results, the release specification, the release tasks and the expiry job;</li>
 * <li>{@code regulatory}: the 21 CFR 1271 classifier and its input;</li>
 * <li>{@code label}: the product label PDF, its barcodes, text fitting and the ISO 7064 Mod 37-2
 * check character;</li>
 * <li>{@code api}: the JSON API of products and donors under {@code /api/v1}.</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cell products",
		allowedDependencies = { "platform", "audit", "accounts", "patients" })
package org.spinecell.cellproducts;
