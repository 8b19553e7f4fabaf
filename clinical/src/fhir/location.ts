import type { Location } from "fhir/r4";

/**
 * Wards exist only as the `location` of encounters (no table of their own): a Location is a
 * ward name some encounter names, so every `Location/<ward>` reference in a census resolves.
 */
export const LOCATION_TYPE = "http://terminology.hl7.org/CodeSystem/location-physical-type";

export function toFhirLocation(id: string): Location {
  return {
    resourceType: "Location",
    id,
    status: "active",
    name: id,
    mode: "instance",
    physicalType: { coding: [{ system: LOCATION_TYPE, code: "wa", display: "Ward" }] },
  };
}
