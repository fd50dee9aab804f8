"""Trust, schools, people and the consent register; MIS imports; school.yaml in and out."""
