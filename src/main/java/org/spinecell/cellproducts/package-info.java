/**
 * Cell products from donor or patient to needle: the source of the cells (autologous bone marrow
 * or fat, allogeneic donors, birth tissue, embryonic-stem-cell- and iPSC-derived or engineered
 * products), the donor, the harvest, each processing step, quality-control results measured
 * against a release specification, release with an electronic signature, the chain of custody
 * from collection until the product is administered or discarded, ISBT 128 donation
 * identification numbers and the printed product label (PDF with Code 128 and Data Matrix
 * symbols), and the explainable classification of each product on the
 * FDA regulatory pathway of 21 CFR 1271 (exempt, not an HCT/P, section 361 or section 351).
 */
package org.spinecell.cellproducts;
