"""Name pools for the synthetic district (some with accents, apostrophes, commas and quotes, as in real exports)."""
GIVEN_NAMES = (
    "Aaliyah", "Aiden", "Amara", "Andrés", "Ava", "Benjamin", "Chloé", "Daniel", "Destiny", "Elijah", "Emma",
    "Ethan", "Fatima", "Gabriel", "Grace", "Hannah", "Isabella", "Jackson", "Jamal", "Jayden", "Jasmine", "José",
    "Kai", "Layla", "Liam", "Lucas", "Madison", "Mateo", "Mia", "Muhammad", "Noah", "Nora", "Olivia", "Priya",
    "Ruby", "Samuel", "Sofía", "Sophia", "Thanh", "Tyler", "Valentina", "William", "Xavier", "Yusuf", "Zoe",
    'Anne "Annie"', "Mary Kate", "Jean-Luc",
)
FAMILY_NAMES = (
    "Adams", "Ahmed", "Anderson", "Brown", "Campbell", "Chen", "Clark", "Davis", "Díaz", "Evans", "García",
    "Green", "Hall", "Harris", "Hernández", "Jackson", "Johnson", "Jones", "Kim", "King", "Lee", "López", "Martin",
    "Martínez", "Miller", "Moore", "Nguyễn", "O'Brien", "Patel", "Pérez", "Robinson", "Rodríguez", "Scott", "Smith",
    "Smith, Jr.", "Taylor", "Thomas", "Thompson", "Walker", "White", "Williams", "Wilson", "Wright", "Young",
    "Johnson-Reyes", "Van der Berg", "Washington, III",
)
